package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.platform.settlement.SettlementStore;

/** Small reads the pages need that no service offers yet: storage only, the pages decide what to show. */
@Component
public class ConsoleQueries {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ConsoleQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One movement of a person's individual account: the day, what caused it, the amount in fen (+ credit, − spent). */
    public record AccountMovement(LocalDate date, String cause, String reference, long amountFen) {}

    /** The person's latest year with totals (person_year), or this year when there is none. */
    public int latestPersonYear(long personId) {
        Integer y = jdbc.queryForObject("SELECT MAX(fiscal_year) FROM person_year WHERE person_id = ?", Integer.class, personId);
        return y != null ? y : LocalDate.now(clock).getYear();
    }

    /**
     * The person's totals of {@code year}, each accumulator of the one table ({@link Accumulator}) by its column:
     * zeros when the year has no row; the account's balance from the account.
     */
    public Map<Accumulator, Long> yearTotals(long personId, int year) {
        Map<Accumulator, Long> out = new EnumMap<>(Accumulator.class);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM person_year WHERE person_id = ? AND fiscal_year = ?",
                personId, year);
        for (Accumulator a : Accumulator.values()) {
            if (!a.inPersonYear()) continue;
            Object v = rows.isEmpty() ? null : rows.get(0).get(a.column());
            out.put(a, v == null ? 0L : ((Number) v).longValue());
        }
        List<Long> balance = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class, personId);
        if (!balance.isEmpty()) out.put(Accumulator.ACCOUNT_BALANCE, balance.get(0));
        return out;
    }

    /** The person's individual-account movements, newest first: page {@code page} of {@code size}, one more to tell if others follow. */
    public List<AccountMovement> accountMovements(long personId, int page, int size) {
        return jdbc.query("SELECT e.entry_date, e.cause_type, e.cause_ref, m.amount_fen FROM individual_account_movement m"
                + " JOIN journal_entry e ON e.id = m.entry_id WHERE m.person_id = ? ORDER BY e.entry_date DESC, m.id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new AccountMovement(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4)),
                personId, size + 1, (long) page * size);
    }

    /** The person's settlements, newest first: page {@code page} of {@code size}, one more to tell if others follow. */
    public List<SettlementStore.Listed> settlements(long personId, int page, int size) {
        return new SettlementStore(jdbc).forPerson(personId, page, size);
    }

    /** The latest year in which the region's ledger has an entry, or this year when it has none. */
    public int latestLedgerYear(String admdvs) {
        LocalDate last = jdbc.queryForObject("SELECT MAX(entry_date) FROM journal_entry WHERE admdvs = ?", LocalDate.class, admdvs);
        return last != null ? last.getYear() : LocalDate.now(clock).getYear();
    }
}
