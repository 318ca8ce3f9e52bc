package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a run costs the funds per household it keeps out of catastrophic spending, against the baseline, at one
 * threshold (docs/sim.md "Cost-effectiveness"): kept out = baseline CHE households − run CHE households; per fund
 * the change of its expenditure and of its balance, and the net cost (−Δ balance: what the fund is worse off) per
 * household kept out, "not defined" when no household is kept out (kept out ≤ 0). Money in fen.
 *
 * @param keptOutInterval the bootstrap interval of kept out (null without bootstrap)
 */
public record CostEffectiveness(String run, String baseline, int thresholdPercent, long baselineCatastrophic,
                                long runCatastrophic, Interval keptOutInterval, List<FundCost> funds) {

    /** The residents' and employees' pooling funds together (the household table does not split them). */
    public static final String POOLING = "pooling";
    /** Every fund but the employees' individual accounts (the insured's own money, counted as out-of-pocket). */
    public static final String ALL = "all";

    public long keptOut() {
        return baselineCatastrophic - runCatastrophic;
    }

    /**
     * One fund's cost (the interval is null, too, when no household is kept out: the figure is not defined). The net cost is what the fund is worse off, −Δ balance (Δ expenditure − Δ income); for a fund
     * the budget pays as it spends (its income equals its expenditure in both runs: medical assistance, emergency
     * cover), it is Δ expenditure, the budget's cost. {@code netCostPerKeptOut} is the bootstrap interval of the net cost per household kept out,
     * null where the fund's payments are not in the household table (each pooling fund alone, other funds).
     */
    public record FundCost(String fund, long expenditureChangeFen, long balanceChangeFen, long netCostFen, long keptOut,
                           Interval netCostPerKeptOut) {

        /** Δ expenditure ÷ households kept out; NaN when none is kept out. */
        public double expenditurePerKeptOutFen() {
            return keptOut > 0 ? (double) expenditureChangeFen / keptOut : Double.NaN;
        }

        /** Net cost ÷ households kept out; NaN when none is kept out. */
        public double netCostPerKeptOutFen() {
            return keptOut > 0 ? (double) netCostFen() / keptOut : Double.NaN;
        }
    }

    /** Which payment columns of the household table make up a fund's visit payments (empty: none). */
    static Set<Bootstrap.Payments> payments(String fund) {
        return switch (fund) {
            case POOLING -> EnumSet.of(Bootstrap.Payments.POOLING);
            case FundTotals.SERIOUS_ILLNESS -> EnumSet.of(Bootstrap.Payments.SERIOUS_ILLNESS);
            case FundTotals.ASSISTANCE -> EnumSet.of(Bootstrap.Payments.ASSISTANCE);
            case ALL -> EnumSet.allOf(Bootstrap.Payments.class);
            default -> EnumSet.noneOf(Bootstrap.Payments.class);
        };
    }

    /** Funded by the budget as it spends: income equals expenditure in both runs, and something is spent. */
    static boolean budgetFunded(Comparison.FundChange f) {
        return f.baseline().balanceFen() == 0 && f.run().balanceFen() == 0
                && (f.baseline().expenditureFen() != 0 || f.run().expenditureFen() != 0);
    }

    /**
     * The fund rows of {@code c} ({Δ expenditure, Δ balance, net cost} each): each fund of run.json, the two pooling
     * funds together, all funds but the individual accounts; without fund totals, the household table's payments
     * (income not recorded: Δ balance = −Δ payments).
     */
    static List<long[]> fundChanges(Comparison c, long[] paymentChange, List<String> names) {
        List<long[]> out = new ArrayList<>();
        if (c.funds().isEmpty()) {
            long all = 0;
            for (Bootstrap.Payments p : Bootstrap.Payments.values()) all += paymentChange[p.ordinal()];
            add(out, names, POOLING, paymentChange[Bootstrap.Payments.POOLING.ordinal()], -paymentChange[Bootstrap.Payments.POOLING.ordinal()]);
            add(out, names, FundTotals.SERIOUS_ILLNESS, paymentChange[Bootstrap.Payments.SERIOUS_ILLNESS.ordinal()],
                    -paymentChange[Bootstrap.Payments.SERIOUS_ILLNESS.ordinal()]);
            add(out, names, FundTotals.ASSISTANCE, paymentChange[Bootstrap.Payments.ASSISTANCE.ordinal()],
                    -paymentChange[Bootstrap.Payments.ASSISTANCE.ordinal()]);
            add(out, names, ALL, all, -all);
            return out;
        }
        long[] pool = new long[3], all = new long[3];
        int pooling = 0;
        for (Comparison.FundChange f : c.funds()) {
            long[] row = add(out, names, f.fund(), f.expenditureChangeFen(), f.balanceChangeFen());
            if (budgetFunded(f)) row[2] = f.expenditureChangeFen();
            if (f.fund().equals(FundTotals.RESIDENT_POOLING) || f.fund().equals(FundTotals.EMPLOYEE_POOLING)) {
                pooling++;
                for (int k = 0; k < 3; k++) pool[k] += row[k];
            }
            if (!f.fund().equals("employee_accounts")) for (int k = 0; k < 3; k++) all[k] += row[k];
        }
        if (pooling == 2) add(out, names, POOLING, pool[0], pool[1])[2] = pool[2];
        add(out, names, ALL, all[0], all[1])[2] = all[2];
        return out;
    }

    /** A row {Δ expenditure, Δ balance, net cost = −Δ balance}. */
    private static long[] add(List<long[]> out, List<String> names, String fund, long exp, long bal) {
        names.add(fund);
        long[] row = {exp, bal, -bal};
        out.add(row);
        return row;
    }

    /**
     * The rows of run {@code r} (its scenario index {@code s}, the baseline run's {@code base}) at threshold index
     * {@code k}; {@code reps} may be empty (no intervals). {@code pointChange} is Δ of each payment column, exact.
     */
    static CostEffectiveness of(Comparison c, int r, int s, int base, int k, int threshold, long baselineCat, long runCat,
                                long[] pointChange, Bootstrap.Replicate[] reps) {
        List<String> names = new ArrayList<>();
        List<long[]> changes = fundChanges(c, pointChange, names);
        long kept = baselineCat - runCat;
        Interval keptInterval = reps.length == 0 ? null
                : Uncertainty.interval(reps, x -> x.catastrophic()[base][k] - x.catastrophic()[s][k]);
        List<FundCost> funds = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            long netCost = changes.get(f)[2];
            Set<Bootstrap.Payments> cols = payments(names.get(f));
            Interval perKept = null;
            if (reps.length > 0 && !cols.isEmpty() && kept > 0) {   // no interval for a figure not defined
                long pointPay = 0;
                for (Bootstrap.Payments p : cols) pointPay += pointChange[p.ordinal()];
                // income and expenditure beyond the visits as run (a budget-funded fund's income follows its spending)
                long fixed = netCost - pointPay;
                perKept = Uncertainty.interval(reps, x -> {
                    long pay = 0;
                    for (Bootstrap.Payments p : cols) pay += x.payments()[r][p.ordinal()] - x.payments()[0][p.ordinal()];
                    return perHousehold(fixed + pay, x.catastrophic()[base][k] - x.catastrophic()[s][k]);
                });
            }
            funds.add(new FundCost(names.get(f), changes.get(f)[0], changes.get(f)[1], netCost, kept, perKept));
        }
        return new CostEffectiveness(c.run(), c.baseline(), threshold, baselineCat, runCat, keptInterval, funds);
    }

    /**
     * Cost ÷ kept out in one replicate; with none kept out the cost per household is unbounded (±∞ by the cost's
     * sign, NaN when nothing is spent either), which the percentile interval then shows as an open end.
     */
    static double perHousehold(long cost, long kept) {
        if (kept > 0) return (double) cost / kept;
        return cost > 0 ? Double.POSITIVE_INFINITY : cost < 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
}
