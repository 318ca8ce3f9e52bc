package org.openyibao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Seeds a scratch server for {@link FsiLoadGenerator} through the platform's own paths, in two steps around a
 * {@code yibao import}:
 * <ol>
 *   <li>{@code setup URL USER PASSWORD PERSONS DIR}: as agency staff over the REST API, region 440800 (policy pack
 *   zhanjiang; it opens its chart of accounts), a level III hospital, a township health centre, a pharmacy, ten employers and
 *   last year's average wage; writes DIR/import.csv (PERSONS synthetic persons with valid GB 11643 ID numbers, two
 *   in five employees in service, the rest residents; the format of {@code yibao import}) and DIR/persons.csv
 *   ({@code psn_no,cert_no,insutype}, the generator's list);</li>
 *   <li>{@code finish URL USER PASSWORD DIR ENROLMENT_IDS MONTHS}: pays MONTHS months of contributions for each
 *   employee enrolment listed (one id a line; the employee's 2% is credited to the individual account through the
 *   ledger), and issues x-tif credentials for the three institutions: DIR/clients.txt ({@code fixmedins_code paasid
 *   secret}, the pharmacy's line ending with {@code pharmacy}; the caller makes it private).</li>
 * </ol>
 * Persons go through {@code yibao import} rather than one REST call each because every HTTP Basic request costs a
 * bcrypt verification at strength 10 (Spring Security re-encodes a weaker stored hash to it on the first request):
 * about 0.1 s of CPU. Loopback only.
 */
public final class FsiLoadSeed {
    static final String ADMDVS = "440800";
    static final String HOSPITAL = "H44080000001";
    static final String TOWNSHIP = "H44080000004";
    static final String PHARMACY = "P44080000001";
    static final String[] COUNTIES = {"440802", "440803", "440804", "440811", "440823", "440825", "440881", "440882", "440883"};
    static final String IMPORT_HEADER = "psn_no,cert_no,name,gender,birth_date,household_ref,admdvs,scheme,payment_mode,employer_code,"
            + "employment,contribution_level,valid_from,valid_until,contributions_since,category,category_from,category_until";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final String[] SURNAMES = {"Chen", "Li", "Wang", "Zhang", "Liu", "Huang", "Lin", "Wu", "Ou", "Liang"};

    private final String url;
    private final String basic;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private FsiLoadSeed(String url, String user, String password) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("setup")) {
            LoadOptions.requireLoopback(args[1]);
            int n = Integer.parseInt(args[4]);
            if (n < 1 || n > 1_000_000) throw new IllegalArgumentException("PERSONS: 1 to 1,000,000");
            new FsiLoadSeed(args[1], args[2], args[3]).setup(n, Paths.get(args[5]));
        } else if (args.length == 7 && args[0].equals("finish")) {
            LoadOptions.requireLoopback(args[1]);
            new FsiLoadSeed(args[1], args[2], args[3]).finish(Paths.get(args[4]), Paths.get(args[5]), Integer.parseInt(args[6]));
        } else {
            System.err.println("usage: FsiLoadSeed setup URL AGENCY_USER AGENCY_PASSWORD PERSONS DIR\n"
                    + "       FsiLoadSeed finish URL AGENCY_USER AGENCY_PASSWORD DIR ENROLMENT_IDS MONTHS");
            System.exit(2);
        }
    }

    private void setup(int n, Path dir) throws Exception {
        Files.createDirectories(dir);
        LocalDate today = LocalDate.now();
        post("/api/regions", "{\"admdvs\":\"" + ADMDVS + "\",\"name\":\"Zhanjiang (load benchmark)\",\"policy_pack\":\"zhanjiang\"}");
        post("/api/institutions", "{\"code\":\"" + HOSPITAL + "\",\"name\":\"Zhanjiang Central People's Hospital\",\"level\":\"level3\","
                + "\"type\":\"hospital\",\"admdvs\":\"" + ADMDVS + "\",\"district\":\"Chikan\",\"designated_from\":\"2009-01-01\"}");
        post("/api/institutions", "{\"code\":\"" + TOWNSHIP + "\",\"name\":\"Huguang Township Health Centre\",\"level\":\"township\","
                + "\"type\":\"hospital\",\"admdvs\":\"" + ADMDVS + "\",\"district\":\"Mazhang\",\"designated_from\":\"2009-01-01\"}");
        post("/api/institutions", "{\"code\":\"" + PHARMACY + "\",\"name\":\"Renmin Pharmacy\",\"level\":\"level1\","
                + "\"type\":\"pharmacy\",\"admdvs\":\"" + ADMDVS + "\",\"district\":\"Chikan\",\"designated_from\":\"2009-01-01\"}");
        for (int e = 1; e <= 10; e++) {
            post("/api/employers", "{\"code\":\"" + employer(e) + "\",\"name\":\"Employer " + e + "\",\"admdvs\":\"" + ADMDVS + "\"}");
        }
        // the payment base is bounded by last year's average monthly wage (illustrative figure)
        send("PUT", "/api/contributions/average-wages/" + ADMDVS + "/" + (today.getYear() - 1),
                "{\"average_monthly_wage\":\"5600.00\",\"source\":\"load benchmark (illustrative)\"}");

        List<String> imports = new ArrayList<>(), list = new ArrayList<>();
        imports.add(IMPORT_HEADER);
        list.add("psn_no,cert_no,insutype");
        LocalDate base = LocalDate.of(1945, 1, 1);
        for (int i = 0; i < n; i++) {
            // (birth date, sequence) differ for every i: a distinct, valid ID number
            LocalDate birth = base.plusDays((i / 900) * 17L + (i % 23));
            String first17 = COUNTIES[i % COUNTIES.length] + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", 100 + (i % 900));
            String cert = first17 + checkDigit(first17);
            String psnNo = String.format("4408%010d", 1_000_000 + i);
            boolean employee = i % 5 < 2;
            imports.add(psnNo + "," + cert + "," + SURNAMES[i % SURNAMES.length] + " Load" + i + ",,,," + ADMDVS + ","
                    + (employee ? "employee,combined," + employer(1 + i % 10) + ",in_service,,2016-01-01,,2016-01-01"
                    : "resident,,,,,2018-01-01,,2018-01-01") + ",,,");
            list.add(psnNo + "," + cert + "," + (employee ? "310" : "390"));
        }
        Files.write(dir.resolve("import.csv"), imports, StandardCharsets.UTF_8);
        Files.write(dir.resolve("persons.csv"), list, StandardCharsets.UTF_8);
        System.out.println("region " + ADMDVS + ", institutions " + HOSPITAL + " (level3), " + TOWNSHIP + " (township) and " + PHARMACY
                + " (pharmacy), 10 employers; " + n + " persons to import");
    }

    private void finish(Path dir, Path enrolmentIds, int months) throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (String l : Files.readAllLines(enrolmentIds)) if (!l.isBlank()) ids.add(l.trim());
        LocalDate today = LocalDate.now();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = ids.size() * t / threads, to = ids.size() * (t + 1) / threads;
            parts.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    for (int m = 1; m <= months; m++) {
                        LocalDate month = today.withDayOfMonth(1).minusMonths(months + 1 - m);
                        // a wage at the payment base ceiling (3 × the average): the largest monthly account credit
                        post("/api/contributions/employee", "{\"enrolment_id\":" + ids.get(i) + ",\"period\":\""
                                + month.toString().substring(0, 7) + "\",\"wage\":\"" + (16000 + (i % 9) * 100) + ".00\",\"paid_on\":\""
                                + month.plusDays(14) + "\"}");
                    }
                }
                return to - from;
            }));
        }
        for (Future<Integer> f : parts) f.get();
        pool.shutdown();
        List<String> clients = new ArrayList<>();
        for (String code : new String[] {HOSPITAL, TOWNSHIP, PHARMACY}) {
            Object issued = MiniJson.parse(post("/api/fsi/credentials", "{\"fixmedins_code\":\"" + code + "\"}"));
            clients.add(code + " " + MiniJson.text(issued, "paasid") + " " + MiniJson.text(issued, "secret")
                    + (code.equals(PHARMACY) ? " pharmacy" : ""));
        }
        Files.write(dir.resolve("clients.txt"), clients, StandardCharsets.UTF_8);
        System.out.printf("%d employees' individual accounts credited (%d month%s each), credentials issued for %s, %s and %s, in %.1f s%n",
                ids.size(), months, months == 1 ? "" : "s", HOSPITAL, TOWNSHIP, PHARMACY, (System.nanoTime() - t0) / 1e9);
    }

    private static String employer(int e) {
        return String.format("E4408%07d", e);
    }

    static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    private String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> HTTP " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }
}
