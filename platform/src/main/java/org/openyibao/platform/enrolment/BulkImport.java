package org.openyibao.platform.enrolment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Fields;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.web.ApiException;

/**
 * Bulk import of persons and enrolments from CSV (format: docs/registry.md). Each line is checked
 * (the same rules and reasons as the API); good lines are kept and bad ones reported with their
 * line number and reason, never with the ID number or name. Checked lines go to {@link Lane}s,
 * connections that each own the persons whose ID number hashes to them and stage, check and write
 * their lines chunk by chunk (PostgreSQL: COPY into a temporary table, then INSERT ... SELECT).
 * Persons are keyed by ID number, enrolments by person, scheme and valid_from, categories by
 * person, category and start: a rerun of the same file changes nothing.
 */
@Component
public class BulkImport {
    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /** The columns, in the documented order; a file may give them in any order and leave out all but the required ones. */
    public static final List<String> COLUMNS = List.of("psn_no", "cert_no", "name", "gender", "birth_date", "household_ref",
            "admdvs", "scheme", "payment_mode", "employer_code", "employment", "contribution_level", "valid_from", "valid_until",
            "contributions_since", "category", "category_from", "category_until");
    public static final List<String> REQUIRED = List.of("cert_no", "name", "admdvs");
    private static final Pattern PSN_NO = Pattern.compile("[0-9A-Za-z]{1,30}");
    private static final String OPEN = "DATE '9999-12-31'";

    /** Counts of one import: every data line is read, then imported (something new), unchanged, or rejected. */
    public record Result(long read, long imported, long unchanged, long rejected, Duration took) {
        public double rowsPerSecond() {
            return took.toMillis() == 0 ? read : read * 1000.0 / took.toMillis();
        }
    }

    /** A line refused, with why (never the ID number or the name). */
    public record Rejection(long line, String reason) {}

    /** The import stopped: the chunks already committed are kept, and a rerun of the file completes it. */
    public static final class Failed extends RuntimeException {
        public Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DataSource dataSource;
    private final PolicyPacks packs;
    private final int chunkSize;
    private final int lanes;
    private final Clock clock;

    @Autowired
    public BulkImport(JdbcTemplate jdbc, PolicyPacks packs, Clock clock) {
        this(jdbc.getDataSource(), packs, DEFAULT_CHUNK, DEFAULT_LANES, clock);
    }

    public BulkImport(DataSource dataSource, PolicyPacks packs, int chunkSize) {
        this(dataSource, packs, chunkSize, DEFAULT_LANES, Clock.systemDefaultZone());
    }

    /**
     * @param chunkSize lines a lane checks and writes in one go
     * @param lanes     connections working at once on PostgreSQL, each on its own persons (H2: always one)
     * @param clock     today, for the ID numbers' "born later" check
     */
    public BulkImport(DataSource dataSource, PolicyPacks packs, int chunkSize, int lanes, Clock clock) {
        if (chunkSize < 1 || lanes < 1) throw new IllegalArgumentException("chunk size and lanes must be at least 1");
        this.dataSource = dataSource;
        this.packs = packs;
        this.chunkSize = chunkSize;
        this.lanes = lanes;
        this.clock = clock;
    }

    public static final int DEFAULT_CHUNK = 100_000;
    /** Three connections: on a 2-core machine one lane's waits (commit, I/O, parsing) overlap the other two's work. */
    public static final int DEFAULT_LANES = 3;

    /** Imports {@code csv}, writing rejected lines to {@code errors} (CSV: line,reason). */
    public Result run(Path csv, Path errors) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             Writer err = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(errors), StandardCharsets.UTF_8))) {
            return run(in, csv.getFileName().toString(), err);
        }
    }

    /** Imports CSV from {@code in}; {@code source} names it in each enrolment's source_ref ("source:line"). */
    public Result run(Reader in, String source, Writer errors) throws IOException {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        String sourceRef = (source.length() > 40 ? source.substring(source.length() - 40) : source) + ":";
        List<Rejection> rejections = new ArrayList<>();
        long read = 0;
        long imported = 0;
        Map<String, String> regions = new HashMap<>();
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            new JdbcTemplate(new SingleConnectionDataSource(c, true))
                    .query("SELECT admdvs, policy_pack FROM region", rs -> { regions.put(rs.getString(1), rs.getString(2)); });
        } catch (SQLException e) {
            throw new Failed("import failed: " + safeMessage(e), e);
        }
        int n = postgres ? lanes : 1;
        List<Lane> open = new ArrayList<>();
        List<ExecutorService> workers = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in)) {
            int[] index = header(csv.next());
            for (int k = 0; k < n; k++) {
                Connection c = dataSource.getConnection();
                try {
                    open.add(new Lane(c, postgres, sourceRef, chunkSize));
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
                workers.add(Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "import-lane");
                    t.setDaemon(true);
                    return t;
                }));
            }
            List<Future<Lane.Done>> pending = new ArrayList<>(java.util.Collections.nCopies(n, null));
            // one psn_no, one person: checked here across the file, as the lanes each see part of it
            Map<String, Seen> psnNos = new HashMap<>();
            String[] f;
            while ((f = csv.next()) != null) {
                read++;
                long line = csv.line();
                Row row;
                try {
                    row = Row.parse(f, index, regions, packs, today);
                } catch (ApiException e) {
                    rejections.add(new Rejection(line, e.getMessage()));
                    continue;
                }
                if (row.psnNo() != null) {
                    Seen first = psnNos.putIfAbsent(row.psnNo(), new Seen(row.certNo(), line));
                    if (first != null && !first.certNo().equals(row.certNo())) {
                        rejections.add(new Rejection(line, "psn_no: the same psn_no is given to another ID number on line " + first.line()));
                        continue;
                    }
                }
                // every line of one person goes to the same lane: lanes never touch the same person
                int k = Math.floorMod(row.certNo().hashCode(), n);
                Lane lane = open.get(k);
                lane.add(line, row);
                if (lane.full()) imported += dispatch(lane, k, workers, pending, rejections);
            }
            for (int k = 0; k < n; k++) {
                if (!open.get(k).empty()) imported += dispatch(open.get(k), k, workers, pending, rejections);
            }
            for (int k = 0; k < n; k++) imported += collect(pending, k, rejections);
        } catch (SQLException e) {
            throw new Failed("import failed: " + safeMessage(e), e);
        } finally {
            workers.forEach(ExecutorService::shutdownNow);
            for (ExecutorService w : workers) {
                try {
                    w.awaitTermination(60, TimeUnit.SECONDS); // a lane's connection is closed only once its worker is off it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Lane lane : open) lane.close();
        }
        rejections.sort((x, y) -> Long.compare(x.line(), y.line()));
        errors.write("line,reason\n");
        for (Rejection r : rejections) errors.write(r.line() + "," + CsvReader.field(r.reason()) + "\n");
        errors.flush();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("import {}: {} lines read, {} imported, {} rejected in {} ms", source, read, imported, rejections.size(), took.toMillis());
        return new Result(read, imported, read - imported - rejections.size(), rejections.size(), took);
    }

    private record Seen(String certNo, long line) {}

    /** Hands the lane's filled chunk to its worker (after its previous chunk is done); returns what that previous chunk imported. */
    private static long dispatch(Lane lane, int k, List<ExecutorService> workers, List<Future<Lane.Done>> pending,
                                 List<Rejection> rejections) {
        long imported = collect(pending, k, rejections);
        Lane.Chunk chunk = lane.take();
        pending.set(k, workers.get(k).submit(() -> lane.process(chunk)));
        return imported;
    }

    private static long collect(List<Future<Lane.Done>> pending, int k, List<Rejection> rejections) {
        Future<Lane.Done> f = pending.get(k);
        if (f == null) return 0;
        pending.set(k, null);
        try {
            Lane.Done done = f.get();
            rejections.addAll(done.rejections());
            return done.imported();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("import interrupted; lines already imported are kept, and a rerun of the file changes nothing already imported", e);
        } catch (ExecutionException e) {
            throw new Failed("import stopped: " + safeMessage(e.getCause()) + " (lines already imported are kept; fix the cause"
                    + " and run the same file again: a rerun changes nothing already imported)", e.getCause());
        }
    }

    /**
     * A database message fit for a log or a terminal: its first line only (PostgreSQL's "Detail:"
     * lines can quote a whole row, names included), with anything like an ID number masked.
     */
    static String safeMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof SQLException)) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        return ResidentId.redact(m.strip());
    }

    /** Column positions by name, from the header line. */
    private static int[] header(String[] h) {
        if (h == null) throw new IllegalArgumentException("the file is empty: the first line must be the header ("
                + String.join(",", COLUMNS) + ")");
        int[] index = new int[COLUMNS.size()];
        Arrays.fill(index, -1);
        for (int i = 0; i < h.length; i++) {
            String name = h[i].strip().toLowerCase();
            int k = COLUMNS.indexOf(name);
            if (k < 0) throw new IllegalArgumentException("header: unknown column '" + h[i] + "' (columns: " + String.join(",", COLUMNS) + ")");
            if (index[k] >= 0) throw new IllegalArgumentException("header: column '" + name + "' given twice");
            index[k] = i;
        }
        for (String r : REQUIRED) {
            if (index[COLUMNS.indexOf(r)] < 0) throw new IllegalArgumentException("header: the column '" + r + "' is required");
        }
        return index;
    }

    /** One line, checked and normalized (defaults filled in). */
    record Row(String psnNo, String certNo, String name, String gender, LocalDate birthDate, String householdRef, String admdvs,
               String scheme, String paymentMode, String employerCode, String employment, Integer contributionLevel,
               LocalDate validFrom, LocalDate validUntil, LocalDate contributionsSince, String category, LocalDate categoryFrom,
               LocalDate categoryUntil) {

        static Row parse(String[] f, int[] index, Map<String, String> regions, PolicyPacks packs, LocalDate today) {
            if (f.length != countColumns(index)) {
                throw Fields.bad("line", "expected " + countColumns(index) + " fields as in the header, found " + f.length);
            }
            ResidentId id = Fields.certNo("cert_no", get(f, index, "cert_no"), today);
            String name = Fields.text("name", get(f, index, "name"), 100);
            String psnNo = blankToNull(get(f, index, "psn_no"));
            if (psnNo != null && !PSN_NO.matcher(psnNo).matches()) throw Fields.bad("psn_no", "1 to 30 letters or digits");
            String gender = blankToNull(get(f, index, "gender"));
            if (gender != null) Fields.oneOf("gender", gender, null, "1", "2");
            if (gender != null && !gender.equals(id.gender())) throw Fields.bad("gender", "does not agree with the ID number (its 17th digit)");
            LocalDate birth = date(f, index, "birth_date");
            if (birth != null && !birth.equals(id.birthDate())) throw Fields.bad("birth_date", "does not agree with the ID number (characters 7-14)");
            String household = Fields.optionalCode("household_ref", get(f, index, "household_ref"), 40);
            String admdvs = Fields.admdvs("admdvs", get(f, index, "admdvs"));
            String pack = regions.get(admdvs);
            if (pack == null) throw Fields.bad("admdvs", "no region " + admdvs + " (register it first: POST /api/regions)");

            String scheme = blankToNull(get(f, index, "scheme"));
            String paymentMode = blankToNull(get(f, index, "payment_mode"));
            String employerCode = Fields.optionalCode("employer_code", get(f, index, "employer_code"), 30);
            String employment = blankToNull(get(f, index, "employment"));
            String level = blankToNull(get(f, index, "contribution_level"));
            LocalDate from = date(f, index, "valid_from");
            LocalDate until = date(f, index, "valid_until");
            LocalDate since = date(f, index, "contributions_since");
            Integer contributionLevel = null;
            if (scheme == null) {
                if (paymentMode != null || employerCode != null || employment != null || level != null || from != null || until != null
                        || since != null) {
                    throw Fields.bad("scheme", "required when enrolment fields are given (leave them all empty to register the person only)");
                }
            } else {
                scheme = Fields.oneOf("scheme", scheme, null, Scheme.RESIDENT.key, Scheme.EMPLOYEE.key);
                Fields.required("valid_from", from);
                Fields.notBefore("valid_until", until, "valid_from", from);
                if (since == null) since = from;
                if (until != null && since.isAfter(until)) throw Fields.bad("contributions_since", "must not be after valid_until");
                if (scheme.equals(Scheme.EMPLOYEE.key)) {
                    paymentMode = Fields.oneOf("payment_mode", paymentMode, null, PaymentMode.COMBINED.key, PaymentMode.SINGLE_POOLING.key);
                    employment = Fields.oneOf("employment", employment, Employment.IN_SERVICE.key, Employment.IN_SERVICE.key,
                            Employment.RETIRED.key);
                    if (employment.equals(Employment.IN_SERVICE.key) && employerCode == null) {
                        throw Fields.bad("employer_code", "required for an employee in service");
                    }
                    if (level != null && !level.equals("1")) throw Fields.bad("contribution_level", "only residents choose a contribution level");
                    contributionLevel = 1;
                } else {
                    if (paymentMode != null) throw Fields.bad("payment_mode", "only for the employee scheme");
                    if (employerCode != null) throw Fields.bad("employer_code", "only for the employee scheme");
                    if (employment != null && !employment.equals(Employment.IN_SERVICE.key)) throw Fields.bad("employment", "only for the employee scheme");
                    employment = Employment.IN_SERVICE.key;
                    contributionLevel = level == null ? 1 : switch (level) {
                        case "1" -> 1;
                        case "2" -> 2;
                        default -> throw Fields.bad("contribution_level", "must be 1 or 2");
                    };
                    if (contributionLevel == 2) {
                        PolicyPack p;
                        try {
                            p = packs.pack(pack);
                        } catch (RuntimeException e) {
                            throw Fields.bad("admdvs", "the policy pack of region " + admdvs + " cannot be loaded");
                        }
                        if (EnrolmentService.levels(p, from) < 2) {
                            throw Fields.bad("contribution_level", "the policy pack of region " + admdvs + " has one contribution level on " + from);
                        }
                    }
                }
            }
            String category = blankToNull(get(f, index, "category"));
            LocalDate categoryFrom = date(f, index, "category_from");
            LocalDate categoryUntil = date(f, index, "category_until");
            if (category == null) {
                if (categoryFrom != null || categoryUntil != null) throw Fields.bad("category", "required when category dates are given");
            } else {
                category = Fields.oneOf("category", category, null, PersonCategory.CATEGORIES);
                if (categoryFrom == null) categoryFrom = from;
                if (categoryFrom == null) throw Fields.bad("category_from", "required (or valid_from)");
                Fields.notBefore("category_until", categoryUntil, "category_from", categoryFrom);
            }
            return new Row(psnNo, id.value(), name, id.gender(), id.birthDate(), household, admdvs, scheme, paymentMode, employerCode,
                    employment, contributionLevel, from, until, since, category, categoryFrom, categoryUntil);
        }

        private static int countColumns(int[] index) {
            int n = 0;
            for (int i : index) if (i >= 0) n++;
            return n;
        }

        private static String get(String[] f, int[] index, String column) {
            int i = index[COLUMNS.indexOf(column)];
            return i < 0 ? null : f[i];
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }

        private static LocalDate date(String[] f, int[] index, String column) {
            String v = blankToNull(get(f, index, column));
            if (v == null) return null;
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw Fields.bad(column, "not a date (YYYY-MM-DD)");
            }
        }

        /** Values in staging-table column order. */
        Object[] values() {
            return new Object[] {psnNo, certNo, name, gender, birthDate, householdRef, admdvs, scheme, paymentMode, employerCode,
                    employment, contributionLevel, validFrom, validUntil, contributionsSince, category, categoryFrom, categoryUntil};
        }
    }

}
