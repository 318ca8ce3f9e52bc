package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Small reads the pages need that no service offers yet. */
@Component
public class ConsoleQueries {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsoleQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest year in which the region's ledger has an entry, or this year when it has none. */
    public int latestLedgerYear(String admdvs) {
        LocalDate last = jdbc.queryForObject("SELECT MAX(entry_date) FROM journal_entry WHERE admdvs = ?", LocalDate.class, admdvs);
        return last != null ? last.getYear() : LocalDate.now(clock).getYear();
    }
}
