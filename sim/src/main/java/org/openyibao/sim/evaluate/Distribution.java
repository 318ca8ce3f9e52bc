package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who bears the out-of-pocket spending, not only its mean (docs/sim.md "Distribution"): each scenario's out-of-pocket
 * share of non-food spending by income decile, the households each run pushes over a threshold or brings under it
 * against the baseline, and how large the gainers' and losers' changes are. Counts and sums exact.
 *
 * @param deciles   one per scenario, in the scenarios' order
 * @param crossings one per further run and threshold
 * @param amounts   one per further run
 */
public record Distribution(List<Deciles> deciles, List<Crossing> crossings, List<ChangeAmounts> amounts) {

    /** Income deciles of the ranked households (non-food spending &gt; 0): decile 1 the poorest tenth. */
    public static final int DECILES = 10;
    /** The percentiles of the gainers' and losers' changes shown. */
    public static final int[] PERCENTILES = {10, 25, 50, 75, 90};

    /**
     * One scenario's sums by income decile: Σ out-of-pocket and Σ non-food spending of its households (fen), and
     * their count. The share is the ratio of the sums (the decile's out-of-pocket per yuan of its non-food spending).
     */
    public record Deciles(String scenario, long[] households, long[] oopFen, long[] nonFoodFen) {
        public double share(int d) {
            return nonFoodFen[d] == 0 ? Double.NaN : (double) oopFen[d] / nonFoodFen[d];
        }
    }

    /** At one threshold: households catastrophic in the run but not in the baseline (pushed over), and the reverse. */
    public record Crossing(String run, String baseline, int thresholdPercent, long pushedOver, long broughtUnder) {}

    /**
     * The distribution of Δ = oop(run) − oop(baseline) among the gainers (Δ &lt; −1 yuan) and the losers (Δ &gt; 1 yuan):
     * the {@link #PERCENTILES} of each, in fen (nearest rank), empty when the group is.
     */
    public record ChangeAmounts(String run, long[] gainersFen, long[] losersFen) {}

    /** Decile of rank r (1 … n) among n ranked households. */
    static int decile(int rank, int n) {
        return (int) ((long) (rank - 1) * DECILES / n);
    }

    static Deciles deciles(String key, Households h, long[] oop) {
        IncomeRanking ranking = h.ranking();
        int n = ranking.ranked();
        long[] count = new long[DECILES], o = new long[DECILES], nf = new long[DECILES];
        for (int i = 0; i < h.count(); i++) {
            int r = ranking.rank(i);
            if (r == 0) continue;
            int d = decile(r, n);
            count[d]++;
            o[d] = Math.addExact(o[d], oop[i]);
            nf[d] = Math.addExact(nf[d], h.nonFoodFen(i));
        }
        return new Deciles(key, count, o, nf);
    }

    static List<Crossing> crossings(String run, String baseline, Households h, long[] baseOop, long[] runOop) {
        List<Crossing> out = new ArrayList<>();
        for (int z : Indicators.THRESHOLDS) {
            long over = 0, under = 0;
            for (int i = 0; i < h.count(); i++) {
                long nonFood = h.nonFoodFen(i);
                if (nonFood <= 0) continue;
                boolean before = CheShare.catastrophic(baseOop[i], nonFood, z), after = CheShare.catastrophic(runOop[i], nonFood, z);
                if (after && !before) over++;
                if (before && !after) under++;
            }
            out.add(new Crossing(run, baseline, z, over, under));
        }
        return out;
    }

    static ChangeAmounts amounts(String run, long[] baseOop, long[] runOop) {
        long[] gain = new long[baseOop.length], loss = new long[baseOop.length];
        int g = 0, l = 0;
        for (int i = 0; i < baseOop.length; i++) {
            long d = runOop[i] - baseOop[i];
            if (d < -Comparison.TOLERANCE_FEN) gain[g++] = d;
            else if (d > Comparison.TOLERANCE_FEN) loss[l++] = d;
        }
        return new ChangeAmounts(run, percentiles(Arrays.copyOf(gain, g)), percentiles(Arrays.copyOf(loss, l)));
    }

    /** The {@link #PERCENTILES} of {@code v} by nearest rank (the ⌈p/100 · m⌉-th smallest); empty for no value. */
    static long[] percentiles(long[] v) {
        if (v.length == 0) return new long[0];
        Arrays.sort(v);
        long[] out = new long[PERCENTILES.length];
        for (int k = 0; k < out.length; k++) {
            int rank = (int) Math.max(1, Math.ceil(PERCENTILES[k] / 100.0 * v.length));
            out[k] = v[rank - 1];
        }
        return out;
    }
}
