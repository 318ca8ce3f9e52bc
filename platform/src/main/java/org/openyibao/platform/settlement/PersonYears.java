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
    private static final String UPDATE = "UPDATE person_year SET "
            + String.join(", ", STORED.stream().map(a -> a.column() + " = ?").toList())
            + " WHERE person_id = ? AND fiscal_year = ?";
    private static final String INSERT = "INSERT INTO person_year (" + COLUMNS + ", person_id, fiscal_year) VALUES ("
            + "?, ".repeat(STORED.size()) + "?, ?)";

    private final JdbcTemplate jdbc;

    PersonYears(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The totals as last stored in {@code year} or before (carried totals carry on; the engine starts a new
     * year's sums itself), with the account's balance.
     */
    Accumulators read(long personId, int year) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT fiscal_year, " + COLUMNS + " FROM person_year"
                + " WHERE person_id = ? AND fiscal_year <= ? ORDER BY fiscal_year DESC LIMIT 1", personId, year);
        List<Long> account = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class,
                personId);
        long balance = account.isEmpty() ? 0 : account.get(0);
        if (rows.isEmpty()) return Accumulators.start(year, balance);
        Map<String, Object> row = rows.get(0);
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
        if (jdbc.update(UPDATE, args) == 0) jdbc.update(INSERT, args);
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
