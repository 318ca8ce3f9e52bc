package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Headcount, average gap, mean positive gap and concentration index of catastrophic health
 * expenditure for one scenario's out-of-pocket column (REFERENCE §8, seed 003 L1505–L1529).
 *
 * <p><b>DECISION</b>: a household whose non-food spending is ≤ 0 has no share; it is left out of N
 * (and of the income ranks of the concentration index) and counted in
 * {@link CheIndicators#excluded()}, which the report shows.
 */
public final class Indicators {

    /** The thresholds z of seed 003 L1481: 20%, 30%, 40%. */
    public static final int[] THRESHOLDS = {20, 30, 40};

    private Indicators() {
    }

    /**
     * One pass over the households for all thresholds. {@code oopFen[i]} is household i's
     * out-of-pocket medical spending in the scenario, in the row order of {@code h}.
     */
    public static List<CheIndicators> compute(Households h, long[] oopFen, int... thresholds) {
        if (oopFen.length < h.count()) throw new IllegalArgumentException("oop column shorter than the households");
        IncomeRanking ranking = h.ranking();
        int t = thresholds.length;
        long n = ranking.ranked();
        long[] cat = new long[t];
        double[] gap = new double[t];   // Σ (share − z) over the catastrophic households
        long[] weight = new long[t];    // Σ (N + 1 − r_i) E_i, exact
        for (int i = 0; i < h.count(); i++) {
            long nonFood = h.nonFoodFen(i);
            if (nonFood <= 0) continue;
            long oop100 = Math.multiplyExact(oopFen[i], 100L);
            for (int k = 0; k < t; k++) {
                long excess = oop100 - thresholds[k] * nonFood;       // 100 · nonFood · (share − z), exact
                if (excess > 0) {
                    cat[k]++;
                    gap[k] += (double) excess / (100.0 * nonFood);   // one rounding per household
                    weight[k] += n + 1 - ranking.rank(i);
                }
            }
        }
        List<CheIndicators> out = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            double headcount = n == 0 ? Double.NaN : (double) cat[k] / n;
            double averageGap = n == 0 ? Double.NaN : gap[k] / n;
            double mpo = cat[k] == 0 ? Double.NaN : gap[k] / cat[k];
            out.add(new CheIndicators(thresholds[k], n, h.count() - n, cat[k], headcount, averageGap, mpo,
                    concentrationIndex(n, cat[k], weight[k])));
        }
        return out;
    }

    /**
     * C = 1 − W / μ_E with w_i = 2(N + 1 − r_i)/N, W = Σ w_i E_i / N, μ_E = N_cat / N
     * (REFERENCE §8, seed 003 L1521–L1529). With S = Σ (N + 1 − r_i) E_i this is
     * C = 1 − 2S / (N · N_cat): computed once from exact counts. r = 1 is the poorest, so the
     * poorest get the largest weight and C &lt; 0 means CHE concentrated among the poor
     * (seed 003 L1519, L1617). Undefined (NaN) when no household is catastrophic.
     */
    static double concentrationIndex(long n, long catastrophic, long weightSum) {
        if (catastrophic == 0) return Double.NaN;
        return 1.0 - 2.0 * weightSum / ((double) n * catastrophic);
    }
}
