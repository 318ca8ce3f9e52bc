package org.openyibao.platform.console;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.error.Echo;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * The ledger check's runs, kept: the dashboard shows the latest (when, by whom, whether every invariant held, the first
 * broken one). A page never runs the whole check on its own: on a large ledger it takes long, so staff start it (or a
 * scheduler does) and the page shows its result. None stored yet is said as such.
 */
@Service
public class LedgerCheckRuns {
    private final JdbcTemplate jdbc;
    private final LedgerCheck check;
    private final Clock clock;

    public LedgerCheckRuns(JdbcTemplate jdbc, LedgerCheck check, Clock clock) {
        this.jdbc = jdbc;
        this.check = check;
        this.clock = clock;
    }

    /** One stored run. */
    public record Run(long id, OffsetDateTime checkedAt, boolean ok, long entries, long lines, int violations, String firstRule,
                      String firstMessage, long millis, String runBy) {}

    /** The latest run, or null when the check has never been run. */
    public Run latest() {
        List<Run> r = jdbc.query("SELECT id, checked_at, ok, entries, lines, violations, first_rule, first_message, millis, run_by"
                + " FROM ledger_check_run ORDER BY checked_at DESC, id DESC LIMIT 1", (rs, i) -> new Run(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getBoolean(3), rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getString(7),
                rs.getString(8), rs.getLong(9), rs.getString(10)));
        return r.isEmpty() ? null : r.get(0);
    }

    /** Runs the check now and keeps its result. */
    public Run run(String operator) {
        Instant at = clock.instant();
        long t0 = System.nanoTime();
        LedgerCheck.Result r = check.run();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        LedgerCheck.Violation first = r.first();
        jdbc.update("INSERT INTO ledger_check_run (checked_at, ok, entries, lines, violations, first_rule, first_message, millis, run_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", OffsetDateTime.ofInstant(at, clock.getZone()), r.ok(), r.entries(), r.lines(),
                r.violations().size(), first == null ? null : first.rule(), first == null ? null : Echo.cut(first.message(), 390), millis,
                Echo.cut(operator, 60));
        return latest();
    }
}
