package org.openyibao.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes a synthetic import file for {@code yibao import} (format: docs/registry.md) and the SQL that
 * registers the region and employers it refers to. Every ID number carries a valid GB 11643 check
 * digit and a distinct birth date and sequence, except one line in a thousand, deliberately broken
 * (wrong check digit), to show rejects at scale. Usage:
 * {@code java -cp bench/target/classes org.openyibao.bench.ImportCsvGenerator ROWS DIR}
 * writes DIR/persons.csv, DIR/header.csv and DIR/setup.sql. Deterministic: the same ROWS give the same file.
 */
public final class ImportCsvGenerator {
    static final String HEADER = "psn_no,cert_no,name,gender,birth_date,household_ref,admdvs,scheme,payment_mode,employer_code,"
            + "employment,contribution_level,valid_from,valid_until,contributions_since,category,category_from,category_until";
    /** Zhanjiang's districts and counties (GB/T 2260), as issuing regions of the ID numbers. */
    static final String[] COUNTIES = {"440802", "440803", "440804", "440811", "440823", "440825", "440881", "440882", "440883"};
    static final int EMPLOYERS = 2000;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String[] SURNAMES = {"Chen", "Li", "Wang", "Zhang", "Liu", "Huang", "Lin", "Wu", "Ou", "Liang"};

    private ImportCsvGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ImportCsvGenerator ROWS DIR");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        if (rows > 29_000_000) throw new IllegalArgumentException("at most 29,000,000 rows (distinct birth dates run out)");
        Path dir = Paths.get(args[1]);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("header.csv"), HEADER + "\n");
        try (BufferedWriter sql = Files.newBufferedWriter(dir.resolve("setup.sql"), StandardCharsets.UTF_8)) {
            sql.write("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang');\n");
            sql.write("INSERT INTO employer (code, name, admdvs) SELECT 'E' || LPAD(CAST(g AS VARCHAR), 5, '0'), 'Employer ' || g, '440800'"
                    + " FROM generate_series(0, " + (EMPLOYERS - 1) + ") g;\n");
        }
        long bad = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve("persons.csv")),
                StandardCharsets.UTF_8), 1 << 20)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(200);
            LocalDate base = LocalDate.of(1940, 1, 1);
            for (int i = 0; i < rows; i++) {
                // (birth day, sequence) is unique per line: 1000 sequence numbers a day, days 29 apart
                LocalDate birth = base.plusDays((i / 1000) * 29L);
                String first17 = COUNTIES[i % COUNTIES.length] + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i % 1000);
                char check = checkDigit(first17);
                if (i % 1000 == 999) { // one line in a thousand: a wrong check digit
                    check = check == '0' ? '1' : '0';
                    bad++;
                }
                line.setLength(0);
                boolean employee = i % 5 >= 3;
                line.append(employee ? "P" + i : "").append(',').append(first17).append(check).append(',')
                        .append(SURNAMES[i % SURNAMES.length]).append(" Person").append(i).append(",,,");
                if (employee) {
                    line.append(",440800,employee,").append(i % 2 == 0 ? "combined" : "single_pooling").append(",E")
                            .append(String.format("%05d", i % EMPLOYERS)).append(",in_service,,2016-07-01,,2016-01-01,");
                } else {
                    line.append("HH").append(i / 4).append(",440800,resident,,,,,2018-01-01,,,");
                }
                line.append(i % 50 == 0 ? "documented_poor,2018-01-01," : ",,");
                out.append(line).append('\n');
            }
        }
        System.out.println("wrote " + rows + " lines (" + bad + " with a wrong check digit) to " + dir.resolve("persons.csv")
                + "; region and employers in " + dir.resolve("setup.sql"));
    }

    static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }
}
