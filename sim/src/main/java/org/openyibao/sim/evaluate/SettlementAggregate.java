package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.SettlementField;

/**
 * Sums of a run's {@code settlements/} rows ({@link #FIELDS}) by scheme, by institution level and by the household's
 * income quintile, for the effective reimbursement ratio (实际报销比 = fund_pay_sumamt /
 * medfee_sumamt, as REFERENCE §8's "actual reimbursement ratios") and the out-of-pocket share
 * (psn_part_amt / medfee_sumamt). Fed one row at a time with {@link #add}; every sum is an exact
 * {@code long} in fen, ratios come out once in {@link #result()}.
 *
 * <p>Not thread-safe: a reader per part may keep its own aggregate and {@link #merge} them.
 */
public final class SettlementAggregate {

    /**
     * The summed fields, in the table's order: the three totals the indicators divide (medfee_sumamt, fund_pay_sumamt,
     * psn_part_amt: REFERENCE §8) and every fund the table knows ({@link SettlementField#isFund()}: a new fund is
     * summed, reported and read from Parquet without a change here). Not every column: each one read costs the
     * evaluation's Parquet reading (all 17 amounts took 5.4–5.9 s instead of 2.5–3.5 s for 1.4 million rows).
     */
    public static final List<SettlementField> FIELDS = Arrays.stream(SettlementField.values())
            .filter(f -> f.isFund() || f == SettlementField.MEDFEE_SUMAMT || f == SettlementField.FUND_PAY_SUMAMT
                    || f == SettlementField.PSN_PART_AMT).toList();

    private static final int[] ORDINALS = FIELDS.stream().mapToInt(Enum::ordinal).toArray();
    private static final int F = 1 + ORDINALS.length;                 // per group: the row count, then the fields
    private static final int SCHEMES = Scheme.values().length + 1;   // + uninsured (scheme null)
    private static final int LEVELS = Level.values().length;
    private static final int GROUPS = 1 + SCHEMES + LEVELS + IncomeRanking.QUINTILES;

    private final Households households;
    private final IncomeRanking ranking;
    private final long[] sums = new long[GROUPS * F];
    private int cursor;   // rows come in household order: the last household found is the likely next one

    /** An aggregate for the settlements of {@code households}' run (the table must be complete). */
    public SettlementAggregate(Households households) {
        this.households = households;
        this.ranking = households.ranking();
    }

    /** An empty row for {@link #add}: one value per {@link SettlementField}, by ordinal. */
    public static long[] row() {
        return new long[SettlementField.values().length];
    }

    /**
     * One settlement row (docs/sim.md {@code settlements/}): {@code scheme} null for the uninsured, then the amounts
     * in fen by {@link SettlementField} ordinal (the {@link #FIELDS} are read, the rest ignored; see {@link #row()});
     * {@code basic_fen} of the household table is hifp + cvlserv + hifob.
     */
    public void add(Scheme scheme, Level level, long householdId, long[] values) {
        if (level == null) throw new IllegalArgumentException("settlement of household " + householdId + " without an institution level");
        int hh = find(householdId);
        int schemeGroup = 1 + (scheme == null ? SCHEMES - 1 : scheme.ordinal());
        int levelGroup = 1 + SCHEMES + level.ordinal();
        int quintileGroup = 1 + SCHEMES + LEVELS + ranking.quintile(hh);
        addTo(0, values);
        addTo(schemeGroup, values);
        addTo(levelGroup, values);
        addTo(quintileGroup, values);
    }

    private void addTo(int group, long[] values) {
        int o = group * F;
        sums[o] += 1;
        for (int k = 0; k < ORDINALS.length; k++) sums[o + 1 + k] += values[ORDINALS[k]];
    }

    private int find(long householdId) {
        // rows come in household order: the household is the current one or a few further on (some have no visits)
        for (int k = cursor, end = Math.min(cursor + 8, households.count()); k < end; k++) {
            if (households.householdId(k) == householdId) return cursor = k;
        }
        int i = households.indexOf(householdId);
        if (i < 0) throw new IllegalArgumentException("settlement of household " + householdId + ", not in the households table");
        return cursor = i;
    }

    /** Adds {@code other}'s sums (another part of the same run). */
    public SettlementAggregate merge(SettlementAggregate other) {
        for (int k = 0; k < sums.length; k++) sums[k] += other.sums[k];
        return this;
    }

    /** The sums by group, with their ratios. */
    public Reimbursement result() {
        List<Reimbursement.Row> byScheme = new ArrayList<>();
        for (int s = 0; s < SCHEMES; s++)
            byScheme.add(row(1 + s, s < Scheme.values().length ? Scheme.values()[s].key : "uninsured"));
        List<Reimbursement.Row> byLevel = new ArrayList<>();
        for (Level l : Level.values()) byLevel.add(row(1 + SCHEMES + l.ordinal(), l.key));
        List<Reimbursement.Row> byQuintile = new ArrayList<>();
        for (int q = 0; q < IncomeRanking.QUINTILES; q++) byQuintile.add(row(1 + SCHEMES + LEVELS + q, "Q" + (q + 1)));
        return new Reimbursement(row(0, "total"), byScheme, byLevel, byQuintile);
    }

    private Reimbursement.Row row(int g, String key) {
        int o = g * F;
        Map<SettlementField, Long> m = new EnumMap<>(SettlementField.class);
        for (int k = 0; k < ORDINALS.length; k++) m.put(FIELDS.get(k), sums[o + 1 + k]);
        return new Reimbursement.Row(key, sums[o], m);
    }
}
