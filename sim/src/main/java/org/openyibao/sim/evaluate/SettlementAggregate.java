package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * Sums of a run's {@code settlements/} rows by scheme, by institution level and by the household's
 * income quintile, for the effective reimbursement ratio (实际报销比 = fund_pay_sumamt /
 * medfee_sumamt, as REFERENCE §8's "actual reimbursement ratios") and the out-of-pocket share
 * (psn_part_amt / medfee_sumamt). Fed one row at a time with {@link #add}; every sum is an exact
 * {@code long} in fen, ratios come out once in {@link #result()}.
 *
 * <p>Not thread-safe: a reader per part may keep its own aggregate and {@link #merge} them.
 */
public final class SettlementAggregate {

    /** The summed fields of a group, in this order. */
    enum Field { ROWS, MEDFEE, FUND_PAY, PSN_PART, HIFP, CVLSERV, HIFOB, HIFMI, MAF, OTH }

    private static final int F = Field.values().length;
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

    /**
     * One settlement row (docs/sim.md {@code settlements/}): {@code scheme} null for the uninsured,
     * then the amounts in fen with their national names; {@code basic_fen} of the household table is
     * hifp + cvlserv + hifob.
     */
    public void add(Scheme scheme, Level level, long householdId, long medfeeSumamt, long fundPaySumamt,
                    long psnPartAmt, long hifpPay, long cvlservPay, long hifobPay, long hifmiPay,
                    long mafPay, long othPay) {
        if (level == null) throw new IllegalArgumentException("settlement of household " + householdId + " without an institution level");
        int hh = find(householdId);
        int schemeGroup = 1 + (scheme == null ? SCHEMES - 1 : scheme.ordinal());
        int levelGroup = 1 + SCHEMES + level.ordinal();
        int quintileGroup = 1 + SCHEMES + LEVELS + ranking.quintile(hh);
        addTo(0, medfeeSumamt, fundPaySumamt, psnPartAmt, hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay);
        addTo(schemeGroup, medfeeSumamt, fundPaySumamt, psnPartAmt, hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay);
        addTo(levelGroup, medfeeSumamt, fundPaySumamt, psnPartAmt, hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay);
        addTo(quintileGroup, medfeeSumamt, fundPaySumamt, psnPartAmt, hifpPay, cvlservPay, hifobPay, hifmiPay, mafPay, othPay);
    }

    private void addTo(int group, long medfee, long fundPay, long psnPart, long hifp, long cvlserv, long hifob,
                       long hifmi, long maf, long oth) {
        int o = group * F;
        sums[o] += 1;
        sums[o + 1] += medfee;
        sums[o + 2] += fundPay;
        sums[o + 3] += psnPart;
        sums[o + 4] += hifp;
        sums[o + 5] += cvlserv;
        sums[o + 6] += hifob;
        sums[o + 7] += hifmi;
        sums[o + 8] += maf;
        sums[o + 9] += oth;
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
        return new Reimbursement.Row(key, sums[o], sums[o + 1], sums[o + 2], sums[o + 3], sums[o + 4], sums[o + 5],
                sums[o + 6], sums[o + 7], sums[o + 8], sums[o + 9]);
    }
}
