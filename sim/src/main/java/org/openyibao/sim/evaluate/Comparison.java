package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * A run against the baseline run: who gains and who loses, by income quintile, and what each fund
 * pays more or receives more.
 *
 * @param run        the run's label
 * @param baseline   the baseline's label
 * @param total      all households
 * @param byQuintile Q1 (poorest fifth) … Q5
 * @param funds      one per fund, in the baseline's order then any new fund
 */
public record Comparison(String run, String baseline, GainLoss total, List<GainLoss> byQuintile, List<FundChange> funds) {

    /** Households whose out-of-pocket spending changes by more than this are gainers or losers: 1 yuan. */
    public static final long TOLERANCE_FEN = 100;

    /**
     * Households of a group by the change Δ = oop(run) − oop(baseline): gainers Δ &lt; −1 yuan, losers
     * Δ &gt; 1 yuan, the rest unchanged. Sums of Δ in fen, exact.
     */
    public record GainLoss(String group, long households, long gainers, long gainersChangeFen, long losers,
                           long losersChangeFen, long unchanged, long changeFen) {

        /** Mean Δ of the gainers (negative), NaN without gainers; yuan = fen / 100. */
        public double gainersMeanChangeFen() { return gainers == 0 ? Double.NaN : (double) gainersChangeFen / gainers; }

        public double losersMeanChangeFen() { return losers == 0 ? Double.NaN : (double) losersChangeFen / losers; }

        /** Mean Δ over all households of the group. */
        public double meanChangeFen() { return households == 0 ? Double.NaN : (double) changeFen / households; }
    }

    /** The change of a fund's year: Δ income, Δ expenditure (the cost to the fund) and Δ balance. */
    public record FundChange(String fund, FundFlow baseline, FundFlow run) {
        public long incomeChangeFen() { return run.incomeFen() - baseline.incomeFen(); }
        public long expenditureChangeFen() { return run.expenditureFen() - baseline.expenditureFen(); }
        public long balanceChangeFen() { return run.balanceFen() - baseline.balanceFen(); }
    }
}
