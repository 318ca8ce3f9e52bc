package org.openyibao.platform.settlement;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;

/**
 * The person's year-to-date accumulators ({@code person_year}, one row per person and year, columns
 * from {@link Accumulator}) with the individual account's balance: read before a settlement, written
 * after it, given back on cancellation. Callers hold the person's row lock.
 */
final class PersonYears {
    private static final List<Accumulator> STORED = java.util.Arrays.stream(Accumulator.values())
            .filter(Accumulator::inPersonYear).toList();
    private static final String COLUMNS = String.join(", ", STORED.stream().map(Accumulator::column).toList());
    /**
     * The year's row written whether or not it exists, in one statement (standard MERGE: PostgreSQL 15 and H2; two
     * settlements of one person never race here, the person's row is locked first).
     */
    private static final String UPSERT = "MERGE INTO person_year y USING (VALUES ("
            + "CAST(? AS BIGINT), ".repeat(STORED.size()) + "CAST(? AS BIGINT), CAST(? AS INTEGER))) AS v ("
            + COLUMNS + ", person_id, fiscal_year) ON y.person_id = v.person_id AND y.fiscal_year = v.fiscal_year"
            + " WHEN MATCHED THEN UPDATE SET " + String.join(", ", STORED.stream().map(a -> a.column() + " = v." + a.column()).toList())
            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ", person_id, fiscal_year) VALUES ("
            + String.join(", ", STORED.stream().map(a -> "v." + a.column()).toList()) + ", v.person_id, v.fiscal_year)";
    /**
     * The latest year's row at or before a year (its columns null when there is none: the person's first settlement)
     * with the account's balance (null without an account), in one query.
     */
    private static final String LATEST = "SELECT y.fiscal_year, " + String.join(", ", STORED.stream().map(a -> "y." + a.column()).toList())
            + ", (SELECT balance_fen FROM individual_account WHERE person_id = k.person_id) AS account_balance"
            + " FROM (SELECT CAST(? AS BIGINT) AS person_id) k LEFT JOIN (SELECT * FROM person_year WHERE person_id = ?"
            + " AND fiscal_year <= ? ORDER BY fiscal_year DESC LIMIT 1) y ON y.person_id = k.person_id";

    private final JdbcTemplate jdbc;

    PersonYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The totals as last stored in {@code year} or before (carried totals carry on; the engine starts a new
     * year's sums itself), with the account's balance.
     */
    Accumulators read(long personId, int year) {
        Map<String, Object> row = jdbc.queryForMap(LATEST, personId, personId, year);
        long balance = row.get("account_balance") == null ? 0 : ((Number) row.get("account_balance")).longValue();
        if (row.get("fiscal_year") == null) return Accumulators.start(year, balance); // the person's first settlement
        Accumulators.Builder b = Accumulators.builder(((Number) row.get("fiscal_year")).intValue());
        for (Accumulator a : Accumulator.values()) {
            b.set(a, a.inPersonYear() ? ((Number) row.get(a.column())).longValue() : balance);
        }
        return b.build();
    }

    /** Stores the totals of {@code a.year()}. */
    void write(long personId, Accumulators a) {
        Object[] args = new Object[STORED.size() + 2];
        for (int i = 0; i < STORED.size(); i++) args[i] = a.value(STORED.get(i));
        args[STORED.size()] = personId;
        args[STORED.size() + 1] = a.year();
        jdbc.update(UPSERT, args);
    }

    /**
     * Takes back what a cancelled settlement of {@code year} added: a yearly total in that year's row; a carried one
     * (the card's balance) in that row and every later year's, which carried it on (found by the auditor test: the
     * card's 5.00 given back to 2018 stayed spent in 2019).
     */
    void giveBack(long personId, int year, AccumulatorDelta delta) {
        for (Map.Entry<Accumulator, Long> change : delta.changes().entrySet()) {
            String column = change.getKey().column();
            String years = change.getKey().span() == Accumulator.Span.CARRIED ? "fiscal_year >= ?" : "fiscal_year = ?";
            jdbc.update("UPDATE person_year SET " + column + " = " + column + " - ? WHERE person_id = ? AND " + years,
                    change.getValue(), personId, year);
        }
    }
}
