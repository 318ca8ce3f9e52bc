package org.openyibao.platform.enrolment;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import org.openyibao.platform.registry.PersonService;

/**
 * One connection of a bulk import, with its own staging tables, working through chunks of lines
 * of its own persons (every line of one ID number comes to the same lane). A chunk is staged
 * (PostgreSQL: COPY; H2: JDBC batches), checked against the registry and itself in SQL, and
 * written with INSERT ... SELECT, in two transactions: the first registers the households the new
 * persons need and commits at once (so that lanes sharing a household do not wait for each other),
 * the second locks the registered persons it adds to, checks for duplicate enrolment and writes.
 * Every statement is plain SQL both PostgreSQL and H2 (PostgreSQL mode) run, except where marked.
 */
final class Lane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    record Chunk(StringBuilder copy, List<Object[]> rows, int size) {}

    record Done(long imported, List<BulkImport.Rejection> rejections) {}

    private static final String STAGE_COLUMNS = "line, psn_no, cert_no, name, gender, birth_date, household_ref, admdvs, scheme,"
            + " payment_mode, employer_code, employment, contribution_level, valid_from, valid_until, contributions_since,"
            + " category, category_from, category_until";
    private static final String[] TABLES = {"import_stage", "import_reject", "import_new_person", "import_new_enrolment",
            "import_new_category"};
    private static final String OPEN = "DATE '9999-12-31'";
    /** The line is not rejected. */
    private static final String OK_S = "NOT EXISTS (SELECT 1 FROM import_reject r WHERE r.line = s.line)";
    private static final String OK_F = "NOT EXISTS (SELECT 1 FROM import_reject r WHERE r.line = f.line)";
    /** The two lines (or the line and the registered enrolment {@code e}) describe the very same enrolment. */
    private static String sameEnrolment(String a, String b) {
        return a + ".scheme = " + b + ".scheme AND " + a + ".valid_from = " + b + ".valid_from AND " + a + ".admdvs = " + b + ".admdvs"
                + " AND COALESCE(" + a + ".payment_mode, '') = COALESCE(" + b + ".payment_mode, '')"
                + " AND COALESCE(" + a + ".employer_code, '') = COALESCE(" + b + ".employer_code, '')"
                + " AND " + a + ".employment = " + b + ".employment AND " + a + ".contribution_level = " + b + ".contribution_level"
                + " AND COALESCE(" + a + ".valid_until, " + OPEN + ") = COALESCE(" + b + ".valid_until, " + OPEN + ")"
                + " AND " + a + ".contributions_since = " + b + ".contributions_since";
    }

    private static String overlap(String a, String aFrom, String aUntil, String b, String bFrom, String bUntil) {
        return a + "." + aFrom + " <= COALESCE(" + b + "." + bUntil + ", " + OPEN + ") AND " + b + "." + bFrom
                + " <= COALESCE(" + a + "." + aUntil + ", " + OPEN + ")";
    }

    private final Connection c;
    private final boolean postgres;
    private final JdbcTemplate jdbc;
    private final String sourceRef;
    private final int chunkSize;
    private StringBuilder copy;
    private List<Object[]> rows;
    private int size;

    Lane(Connection c, boolean postgres, String sourceRef, int chunkSize) throws SQLException {
        this.c = c;
        this.postgres = postgres;
        this.sourceRef = sourceRef;
        this.chunkSize = chunkSize;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
        c.setAutoCommit(true);
        if (postgres) {
            // hash joins of a chunk in memory; and no wait for the WAL flush at each commit: after a crash the
            // last chunks are simply imported again by a rerun, which changes nothing already there
            jdbc.execute("SET work_mem = '64MB'");
            jdbc.execute("SET synchronous_commit = off");
        }
        drop();
        jdbc.execute("CREATE TEMP TABLE import_stage (line BIGINT NOT NULL, psn_no VARCHAR(30), cert_no CHAR(18) NOT NULL,"
                + " name VARCHAR(100) NOT NULL, gender CHAR(1) NOT NULL, birth_date DATE NOT NULL, household_ref VARCHAR(40),"
                + " admdvs CHAR(6) NOT NULL, scheme VARCHAR(10), payment_mode VARCHAR(20), employer_code VARCHAR(30),"
                + " employment VARCHAR(10), contribution_level SMALLINT, valid_from DATE, valid_until DATE,"
                + " contributions_since DATE, category VARCHAR(30), category_from DATE, category_until DATE, person_id BIGINT)");
        if (!postgres) {
            // H2 joins by index only; PostgreSQL hashes the chunk, and loads faster into a table without indexes
            jdbc.execute("CREATE INDEX import_stage_line ON import_stage (line)");
            jdbc.execute("CREATE INDEX import_stage_cert_no ON import_stage (cert_no)");
        }
        jdbc.execute("CREATE TEMP TABLE import_reject (line BIGINT PRIMARY KEY, reason VARCHAR(400) NOT NULL)");
        for (String t : List.of("import_new_person", "import_new_enrolment", "import_new_category")) {
            jdbc.execute("CREATE TEMP TABLE " + t + " (line BIGINT PRIMARY KEY)");
        }
        c.setAutoCommit(false);
        fresh();
    }

    private void fresh() {
        copy = postgres ? new StringBuilder(chunkSize * 160) : null;
        rows = postgres ? null : new ArrayList<>();
        size = 0;
    }

    void add(long line, BulkImport.Row row) {
        Object[] v = row.values();
        if (postgres) {
            copy.append(line);
            for (Object o : v) {
                copy.append(',');
                if (o != null) copy.append(o instanceof String s ? CsvReader.field(s) : o.toString());
            }
            copy.append('\n');
        } else {
            Object[] r = new Object[v.length + 1];
            r[0] = line;
            System.arraycopy(v, 0, r, 1, v.length);
            rows.add(r);
        }
        size++;
    }

    boolean full() {
        return size >= chunkSize;
    }

    boolean empty() {
        return size == 0;
    }

    /** The lines added so far, as a chunk to process; the lane starts a new one. */
    Chunk take() {
        Chunk ch = new Chunk(copy, rows, size);
        fresh();
        return ch;
    }

    /** Checks and writes one chunk (on the lane's worker thread); returns what it imported and what it rejected. */
    Done process(Chunk ch) throws SQLException, IOException {
        long t0 = System.nanoTime();
        try {
            for (String t : TABLES) jdbc.execute((postgres ? "TRUNCATE TABLE " : "DELETE FROM ") + t);
            if (postgres) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY import_stage (" + STAGE_COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new StringReader(ch.copy().toString()));
                jdbc.execute("ANALYZE import_stage");
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_stage (" + STAGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int n = 0;
                    for (Object[] r : ch.rows()) {
                        for (int i = 0; i < r.length; i++) {
                            if (r[i] == null) ps.setNull(i + 1, Types.NULL);
                            else ps.setObject(i + 1, r[i]);
                        }
                        ps.addBatch();
                        if (++n % 1000 == 0) ps.executeBatch();
                    }
                    ps.executeBatch();
                }
            }
            trace("staged " + ch.size() + " lines", -1, t0);
            registerHouseholds();
            c.commit();
            long imported = write();
            List<BulkImport.Rejection> rejected = new ArrayList<>();
            query("SELECT line, reason FROM import_reject", rs -> { rejected.add(new BulkImport.Rejection(rs.getLong(1), rs.getString(2))); });
            c.commit();
            trace("chunk of " + ch.size() + " lines done", -1, t0);
            return new Done(imported, rejected);
        } catch (SQLException | RuntimeException | IOException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is going away; the rollback goes with it
            }
            throw e;
        }
    }

    /** First transaction: the checks that need no lock, and the households of the new persons. */
    private void registerHouseholds() {
        // who is registered already: resolved once, by the unique index on cert_no
        if (postgres) {
            byIndex(() -> update("UPDATE import_stage s SET person_id = p.id FROM person p WHERE p.cert_no = s.cert_no")); // UPDATE ... FROM
        } else {
            update("UPDATE import_stage s SET person_id = (SELECT p.id FROM person p WHERE p.cert_no = s.cert_no)"
                    + " WHERE EXISTS (SELECT 1 FROM person p WHERE p.cert_no = s.cert_no)");
        }
        // employers: must exist, in the enrolment's region
        update("INSERT INTO import_reject (line, reason) SELECT s.line, CASE WHEN e.code IS NULL"
                + " THEN 'employer_code: no employer ' || s.employer_code"
                + " ELSE 'employer_code: employer ' || s.employer_code || ' is in region ' || e.admdvs || ', not ' || s.admdvs END"
                + " FROM import_stage s LEFT JOIN employer e ON e.code = s.employer_code"
                + " WHERE s.employer_code IS NOT NULL AND (e.code IS NULL OR e.admdvs <> s.admdvs)");
        // the person as registered: same psn_no (when given) and name for the same ID number; a given psn_no is not another's
        update("INSERT INTO import_reject (line, reason) SELECT s.line, CASE"
                + " WHEN s.psn_no IS NOT NULL AND s.psn_no <> p.psn_no THEN 'psn_no: this ID number is registered under psn_no ' || p.psn_no"
                + " ELSE 'name: differs from the name registered with this ID number (psn_no ' || p.psn_no || ')' END"
                + " FROM import_stage s JOIN person p ON p.id = s.person_id"
                + " WHERE (s.psn_no IS NOT NULL AND s.psn_no <> p.psn_no OR s.name <> p.name) AND " + OK_S);
        byIndex(() -> update("INSERT INTO import_reject (line, reason) SELECT s.line, 'psn_no: ' || s.psn_no || ' is registered to another ID number'"
                + " FROM import_stage s JOIN person p ON p.psn_no = s.psn_no WHERE s.psn_no IS NOT NULL AND p.cert_no <> s.cert_no AND " + OK_S));
        // the person within the file: every line of one ID number gives the same psn_no and name
        update("INSERT INTO import_reject (line, reason) SELECT s.line,"
                + " 'cert_no: the same ID number has another name or psn_no on line ' || MIN(f.line)"
                + " FROM import_stage s JOIN import_stage f ON f.cert_no = s.cert_no AND f.line < s.line"
                + " WHERE (f.name <> s.name OR COALESCE(f.psn_no, '') <> COALESCE(s.psn_no, '')) AND " + OK_S + " AND " + OK_F
                + " GROUP BY s.line");
        // households of new persons, in ref order (lanes that share one then never wait on each other crosswise)
        update("INSERT INTO household (ref, admdvs) SELECT s.household_ref, MIN(s.admdvs) FROM import_stage s"
                + " WHERE s.household_ref IS NOT NULL AND s.person_id IS NULL AND " + OK_S
                + (postgres ? "" : " AND NOT EXISTS (SELECT 1 FROM household h WHERE h.ref = s.household_ref)")
                + " GROUP BY s.household_ref ORDER BY s.household_ref"
                + (postgres ? " ON CONFLICT (ref) DO NOTHING" : "")); // H2 runs one lane: nothing to conflict with
    }

    /** Second transaction: lock, check for duplicate enrolment, write; returns how many lines brought something new. */
    private long write() {
        // serialize with the API (EnrolmentService.lockPerson): lock the registered persons this chunk adds to
        // (two plain anti-joins rather than one OR, which PostgreSQL would answer by hashing the whole enrolment table)
        lock("s.scheme IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = s.person_id"
                + " AND e.scheme = s.scheme AND e.valid_from = s.valid_from)");
        lock("s.category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_category k WHERE k.person_id = s.person_id"
                + " AND k.category = s.category AND k.valid_from = s.category_from)");

        // duplicate enrolment against the registry: any overlap that is not the very same enrolment
        Map<Long, String> refused = new LinkedHashMap<>();
        query("SELECT s.line, e.id, e.scheme, e.admdvs, e.valid_from, e.valid_until"
                + " FROM import_stage s JOIN enrolment e ON e.person_id = s.person_id"
                + " WHERE s.scheme IS NOT NULL AND " + OK_S + " AND " + overlap("e", "valid_from", "valid_until", "s", "valid_from", "valid_until")
                + " AND NOT (" + sameEnrolment("e", "s") + ") ORDER BY s.line, e.valid_from", rs -> {
                    refused.putIfAbsent(rs.getLong(1), "duplicate enrolment: the person already has " + Enrolment.describe(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class))
                            + " in that period");
                });
        reject(refused);
        // duplicate enrolment within the file: a line overlapping an earlier line of the same person (the very same enrolment repeated is not)
        update("INSERT INTO import_reject (line, reason) SELECT s.line,"
                + " 'duplicate enrolment: overlaps the enrolment on line ' || MIN(f.line) || ' (same person)'"
                + " FROM import_stage s JOIN import_stage f ON f.cert_no = s.cert_no AND f.line < s.line"
                + " WHERE s.scheme IS NOT NULL AND f.scheme IS NOT NULL AND " + OK_S + " AND " + OK_F
                + " AND " + overlap("f", "valid_from", "valid_until", "s", "valid_from", "valid_until")
                + " AND NOT (" + sameEnrolment("f", "s") + ") GROUP BY s.line");
        // poverty categories: a record of one category must not overlap another of the same
        Map<Long, String> categories = new LinkedHashMap<>();
        query("SELECT s.line, k.id, k.category, k.valid_from, k.valid_until"
                + " FROM import_stage s JOIN person_category k ON k.person_id = s.person_id AND k.category = s.category"
                + " WHERE s.category IS NOT NULL AND " + OK_S + " AND " + overlap("k", "valid_from", "valid_until", "s", "category_from", "category_until")
                + " AND NOT (k.valid_from = s.category_from AND COALESCE(k.valid_until, " + OPEN + ") = COALESCE(s.category_until, " + OPEN + "))"
                + " ORDER BY s.line, k.valid_from", rs -> {
                    LocalDate until = rs.getObject(5, LocalDate.class);
                    categories.putIfAbsent(rs.getLong(1), "category: the person already has " + rs.getString(3) + " record " + rs.getLong(2)
                            + " (" + rs.getObject(4, LocalDate.class) + " – " + (until == null ? "open" : until) + ") overlapping");
                });
        reject(categories);
        update("INSERT INTO import_reject (line, reason) SELECT s.line,"
                + " 'category: overlaps the same category on line ' || MIN(f.line) || ' (same person)'"
                + " FROM import_stage s JOIN import_stage f ON f.cert_no = s.cert_no AND f.line < s.line AND f.category = s.category"
                + " WHERE " + OK_S + " AND " + OK_F + " AND " + overlap("f", "category_from", "category_until", "s", "category_from", "category_until")
                + " AND NOT (f.category_from = s.category_from AND COALESCE(f.category_until, " + OPEN + ") = COALESCE(s.category_until, " + OPEN + "))"
                + " GROUP BY s.line");

        // what is new: the first good line of each unregistered person; each enrolment and category not yet recorded
        update("INSERT INTO import_new_person (line) SELECT MIN(s.line) FROM import_stage s WHERE s.person_id IS NULL AND " + OK_S
                + " GROUP BY s.cert_no");
        // (registered and unregistered persons apart: an OR with NOT EXISTS would hash the whole enrolment table)
        update("INSERT INTO import_new_enrolment (line) SELECT MIN(s.line) FROM import_stage s WHERE s.scheme IS NOT NULL AND " + OK_S
                + " AND s.person_id IS NULL GROUP BY s.cert_no, s.scheme, s.valid_from");
        update("INSERT INTO import_new_enrolment (line) SELECT MIN(s.line) FROM import_stage s WHERE s.scheme IS NOT NULL AND " + OK_S
                + " AND s.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = s.person_id"
                + "  AND e.scheme = s.scheme AND e.valid_from = s.valid_from) GROUP BY s.cert_no, s.scheme, s.valid_from");
        update("INSERT INTO import_new_category (line) SELECT MIN(s.line) FROM import_stage s WHERE s.category IS NOT NULL AND " + OK_S
                + " AND s.person_id IS NULL GROUP BY s.cert_no, s.category, s.category_from");
        update("INSERT INTO import_new_category (line) SELECT MIN(s.line) FROM import_stage s WHERE s.category IS NOT NULL AND " + OK_S
                + " AND s.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_category k WHERE k.person_id = s.person_id"
                + "  AND k.category = s.category AND k.valid_from = s.category_from) GROUP BY s.cert_no, s.category, s.category_from");
        if (postgres) {
            for (String t : List.of("import_reject", "import_new_person", "import_new_enrolment", "import_new_category")) {
                jdbc.execute("ANALYZE " + t);
            }
        }

        update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, household_id, admdvs)"
                + " SELECT COALESCE(s.psn_no, s.admdvs || " + PersonService.GENERATED_PSN_NO_SQL + "), s.cert_no, s.name, s.gender,"
                + " s.birth_date, h.id, s.admdvs"
                + " FROM import_stage s JOIN import_new_person n ON n.line = s.line LEFT JOIN household h ON h.ref = s.household_ref"
                + " ORDER BY s.cert_no");
        byIndex(() -> update("INSERT INTO enrolment (person_id, scheme, admdvs, employer_code, payment_mode, employment, contribution_level,"
                + " valid_from, valid_until, contributions_since, source_ref)"
                + " SELECT p.id, s.scheme, s.admdvs, s.employer_code, s.payment_mode, s.employment, s.contribution_level,"
                + " s.valid_from, s.valid_until, s.contributions_since, CAST(? AS VARCHAR) || CAST(s.line AS VARCHAR)"
                + " FROM import_stage s JOIN import_new_enrolment n ON n.line = s.line JOIN person p ON p.cert_no = s.cert_no", sourceRef));
        byIndex(() -> update("INSERT INTO person_category (person_id, category, valid_from, valid_until)"
                + " SELECT p.id, s.category, s.category_from, s.category_until"
                + " FROM import_stage s JOIN import_new_category n ON n.line = s.line JOIN person p ON p.cert_no = s.cert_no"));
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT line FROM import_new_person UNION SELECT line FROM import_new_enrolment"
                + " UNION SELECT line FROM import_new_category) x", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Runs a statement that looks a chunk's lines up in the registry by a unique index. PostgreSQL
     * would rather hash the whole person table for a chunk of 100,000 lines; probing the index is
     * faster here and, unlike the hash, does not grow with the registry.
     */
    private void byIndex(Runnable statement) {
        if (!postgres) {
            statement.run();
            return;
        }
        jdbc.execute("SET enable_hashjoin = off");
        jdbc.execute("SET enable_mergejoin = off");
        try {
            statement.run();
        } finally {
            jdbc.execute("RESET enable_hashjoin");
            jdbc.execute("RESET enable_mergejoin");
        }
    }

    /** Locks, in id order, the registered persons of the chunk's good lines that meet {@code condition}. */
    private void lock(String condition) {
        if (postgres) {
            query("SELECT p.id FROM import_stage s JOIN person p ON p.id = s.person_id WHERE s.person_id IS NOT NULL AND " + OK_S
                    + " AND " + condition + " ORDER BY p.id FOR UPDATE OF p", rs -> { }); // PostgreSQL: lock the person rows only
        } else {
            query("SELECT id FROM person WHERE id IN (SELECT s.person_id FROM import_stage s WHERE s.person_id IS NOT NULL AND " + OK_S
                    + " AND " + condition + ") ORDER BY id FOR UPDATE", rs -> { });
        }
    }

    private void reject(Map<Long, String> reasons) {
        if (reasons.isEmpty()) return;
        List<Object[]> args = new ArrayList<>();
        reasons.forEach((line, reason) -> args.add(new Object[] {line, reason}));
        jdbc.batchUpdate("INSERT INTO import_reject (line, reason) VALUES (?, ?)", args);
    }

    private int update(String sql, Object... args) {
        long t = System.nanoTime();
        int n = jdbc.update(sql, args);
        trace(sql, n, t);
        return n;
    }

    private void query(String sql, RowCallbackHandler rows) {
        long t = System.nanoTime();
        jdbc.query(sql, rows);
        trace(sql, -1, t);
    }

    /** Each statement's time, at DEBUG (yibao import --verbose). */
    private static void trace(String what, int rows, long start) {
        if (log.isDebugEnabled()) {
            log.debug("{} ms{}: {}", (System.nanoTime() - start) / 1_000_000, rows < 0 ? "" : ", " + rows + " rows",
                    what.length() > 100 ? what.substring(0, 100) + "…" : what);
        }
    }

    private void drop() {
        for (String t : TABLES) jdbc.execute("DROP TABLE IF EXISTS " + t);
    }

    /** Drops the staging tables, resets the session and closes the connection; never throws. */
    @Override
    public void close() {
        try {
            c.rollback();
            c.setAutoCommit(true);
            drop();
            if (postgres) jdbc.execute("RESET ALL");
        } catch (SQLException | RuntimeException e) {
            log.warn("import: could not clean up a lane's staging tables: {}", BulkImport.safeMessage(e));
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
