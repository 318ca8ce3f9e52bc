package org.openyibao.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * The operator audit log (issue 11, V73): who did what, when, from where. Rows are appended in a transaction of
 * their own (so that a refused change is logged too), one writer at a time (the head row is locked), each with the
 * hash of the row before and its own: SHA-256 over the previous hash and the row's fields. {@link #verify} walks the
 * chain. No ID number or name is ever written: subjects are psn_nos and paths.
 */
@Component
public class OperatorAudit {
    public static final String GENESIS = "0".repeat(64);

    /** One thing done: by whom (user and role), from where, what, to what, and how it ended. */
    public record Event(String username, String role, String address, String action, String subject, String outcome) {}

    /** A stored row. */
    public record Row(long id, long atMs, Event event, String prevHash, String hash) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public OperatorAudit(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Appends {@code e} to the chain; returns its row. */
    public Row record(Event e) {
        Event bounded = new Event(cut(e.username(), 64), cut(e.role(), 20), cut(e.address(), 64), cut(e.action(), 60),
                cut(e.subject(), 120), cut(e.outcome(), 40));
        return ownTransaction.execute(tx -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM operator_audit_head WHERE id = 1 FOR UPDATE");
            long id = ((Number) head.get("last_id")).longValue() + 1;
            String prev = ((String) head.get("last_hash")).strip();
            long at = clock.millis();
            String hash = hash(prev, id, at, bounded);
            jdbc.update("INSERT INTO operator_audit (id, at_ms, username, role, address, action, subject, outcome, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, at, bounded.username(), bounded.role(), bounded.address(),
                    bounded.action(), bounded.subject(), bounded.outcome(), prev, hash);
            jdbc.update("UPDATE operator_audit_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
            return new Row(id, at, bounded, prev, hash);
        });
    }

    /** The latest {@code limit} rows, newest first; only those about {@code subject} when it is given. */
    public List<Row> latest(String subject, int limit) {
        String where = subject == null ? "" : " WHERE subject = ?";
        Object[] args = subject == null ? new Object[] {limit} : new Object[] {subject, limit};
        return jdbc.query("SELECT * FROM operator_audit" + where + " ORDER BY id DESC LIMIT ?", (rs, i) -> row(rs), args);
    }

    /** What {@link #verify} found: rows checked, and the first break of the chain (null when whole). */
    public record Verdict(long rows, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Walks the chain from the first row: each row's hash, its link to the row before, ids without gaps, the head. */
    public Verdict verify() {
        List<String> problems = new ArrayList<>(1);
        long[] state = {0};
        String[] prev = {GENESIS};
        jdbc.query("SELECT * FROM operator_audit ORDER BY id", rs -> {
            if (!problems.isEmpty()) return;
            Row r = row(rs);
            if (r.id() != state[0] + 1) problems.add("row " + (state[0] + 1) + (r.id() > state[0] + 1 ? " is missing" : " repeats"));
            else if (!r.prevHash().equals(prev[0])) problems.add("row " + r.id() + " does not follow row " + state[0] + " (a row between was removed or changed)");
            else if (!r.hash().equals(hash(r.prevHash(), r.id(), r.atMs(), r.event()))) problems.add("row " + r.id() + " was changed");
            state[0] = r.id();
            prev[0] = r.hash();
        });
        if (problems.isEmpty()) {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM operator_audit_head WHERE id = 1");
            long last = ((Number) head.get("last_id")).longValue();
            if (last != state[0]) problems.add("rows " + (state[0] + 1) + " to " + last + " were removed from the end");
            else if (!((String) head.get("last_hash")).strip().equals(prev[0])) problems.add("row " + last + " does not match the head");
        }
        return new Verdict(state[0], problems.isEmpty() ? null : problems.get(0));
    }

    static String hash(String prev, long id, long atMs, Event e) {
        String text = String.join("\n", prev, Long.toString(id), Long.toString(atMs), e.username(), e.role(), e.address(), e.action(),
                e.subject(), e.outcome());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Event e = new Event(rs.getString("username"), rs.getString("role"), rs.getString("address"), rs.getString("action"),
                rs.getString("subject"), rs.getString("outcome"));
        return new Row(rs.getLong("id"), rs.getLong("at_ms"), e, rs.getString("prev_hash").strip(), rs.getString("hash").strip());
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
