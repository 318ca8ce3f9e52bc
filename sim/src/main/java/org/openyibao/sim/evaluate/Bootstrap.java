package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A paired bootstrap over households (docs/sim.md "Uncertainty"): each replicate draws N households with replacement
 * from the N of the population, the same draw for every scenario and run, and computes every scenario's CHE indicators
 * and every run's fund payments on it. The spread of a figure over the replicates is its sampling noise: what another
 * sample of households of this size, from the same generated region, could have given. It does not capture the
 * generator's model (its distributions and calibration) or the policy pack.
 *
 * <p>A replicate is a weight per household (how often it was drawn). The indicators are those of {@link Indicators}
 * with weights: a household drawn w times counts w times in N, N_cat and the gaps, and its w copies take w consecutive
 * income ranks (r = R + 1 … R + w, R the weight of the poorer households), so their weight in the concentration index's
 * S is {@code w(N + 1) − wR − w(w + 1)/2}. With every weight 1 this is exactly {@link Indicators}'s point estimate.
 *
 * <p>Replicate b draws from {@code SplittableRandom(mix(seed, b))}: the result is the same for any number of threads.
 * Only what the replicates need is kept: per scenario the households catastrophic at some threshold (with their gaps),
 * per run the households with fund payments; a replicate is then one draw and one pass over the population.
 */
final class Bootstrap {

    /** Replicates by default (docs/sim.md: 200 give a 95% percentile interval's ends to within a few replicates). */
    static final int DEFAULT_REPLICATES = 200;
    /** The fixed seed by default: the same run gives the same intervals; recorded in indicators.json. */
    static final long DEFAULT_SEED = 20_180_101L;

    /** The fund payments bootstrapped from the household table, by column (docs/sim.md "A simulated year"). */
    enum Payments {
        /** {@code basic_fen}: the residents' and employees' pooling funds (incl. large amounts) on the visits. */
        POOLING,
        /** {@code serious_illness_fen} (hifmi_pay). */
        SERIOUS_ILLNESS,
        /** {@code assistance_fen} (maf_pay). */
        ASSISTANCE,
        /** {@code other_fen} (oth_pay). */
        OTHER
    }

    /** One replicate's sums: weighted counts, gaps and concentration sums per scenario and threshold, payments per run. */
    record Replicate(long n, long[][] catastrophic, double[][] gap, long[][] concentration, long[][] payments) {

        double headcount(int s, int k) { return (double) catastrophic[s][k] / n; }
        double averageGap(int s, int k) { return gap[s][k] / n; }
        double meanPositiveGap(int s, int k) { return catastrophic[s][k] == 0 ? Double.NaN : gap[s][k] / catastrophic[s][k]; }
        double concentrationIndex(int s, int k) { return Indicators.concentrationIndex(n, catastrophic[s][k], concentration[s][k]); }
        /** Every payment column of run r, summed: the funds' payments on the visits. */
        long allPayments(int r) { return Arrays.stream(payments[r]).sum(); }
    }

    private final int n;
    private final int[] thresholds;
    private final boolean[] rankedAt;   // by income position: non-food spending > 0
    private final Catastrophic[] scenarios;
    private final Column[] basePayments;     // [Payments]: the baseline run's
    private final Column[][] paymentChanges; // [run][Payments]: run − baseline (none for the baseline itself)

    /**
     * The households catastrophic at some threshold in one scenario, by income position: how many of the (ascending)
     * thresholds each exceeds, and its gap at each of them.
     */
    private record Catastrophic(int[] position, byte[] over, double[] gap /* [j * T + k] */) {}

    /**
     * A payment column by income position: dense when most households have a value (one sequential pass), else its
     * non-zero values only. A run's payments are the baseline's plus its changes, which a reform makes for few households.
     */
    private record Column(long[] dense, int[] position, long[] value) {
        long sum(int[] weight) {
            long s = 0;
            if (dense != null) {
                for (int p = 0; p < dense.length; p++) s += weight[p] * dense[p];
            } else {
                for (int j = 0; j < position.length; j++) s += weight[position[j]] * value[j];
            }
            return s;
        }
    }

    /**
     * @param base      the baseline's households (population, ranking)
     * @param oop       each scenario's out-of-pocket column, in row order
     * @param runs      each run's households (for its payments), the baseline first
     */
    Bootstrap(Households base, List<long[]> oop, List<Households> runs, int[] thresholds) {
        this.n = base.count();
        this.thresholds = thresholds.clone();
        for (int k = 1; k < thresholds.length; k++)
            if (thresholds[k] <= thresholds[k - 1]) throw new IllegalArgumentException("thresholds must ascend");
        IncomeRanking ranking = base.ranking();
        rankedAt = new boolean[n];
        for (int p = 0; p < n; p++) rankedAt[p] = ranking.rank(ranking.at(p)) > 0;
        scenarios = new Catastrophic[oop.size()];
        for (int s = 0; s < scenarios.length; s++) scenarios[s] = catastrophic(base, ranking, oop.get(s));
        basePayments = columns(ranking, runs.get(0), null);
        paymentChanges = new Column[runs.size()][];
        for (int r = 1; r < runs.size(); r++) paymentChanges[r] = columns(ranking, runs.get(r), runs.get(0));
    }

    /** The payment columns of {@code h} by income position, less {@code minus}'s when given. */
    private Column[] columns(IncomeRanking ranking, Households h, Households minus) {
        List<java.util.function.IntToLongFunction> of = List.<Field>of(Households::basicFen, Households::seriousIllnessFen,
                Households::assistanceFen, Households::otherFen).stream()
                .map(f -> (java.util.function.IntToLongFunction) i -> f.applyAsLong(h, i) - (minus == null ? 0 : f.applyAsLong(minus, i)))
                .toList();
        Column[] out = new Column[of.size()];
        for (int g = 0; g < out.length; g++) out[g] = column(ranking, of.get(g));
        return out;
    }

    private interface Field {
        long applyAsLong(Households h, int i);
    }

    private Catastrophic catastrophic(Households h, IncomeRanking ranking, long[] oop) {
        int t = thresholds.length;
        List<Integer> positions = new ArrayList<>();
        List<double[]> gaps = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int i = ranking.at(p);
            long nonFood = h.nonFoodFen(i);
            if (nonFood <= 0) continue;
            long oop100 = Math.multiplyExact(oop[i], 100L);
            double[] g = null;
            for (int k = 0; k < t; k++) {
                long excess = oop100 - thresholds[k] * nonFood;   // as Indicators.compute, rounded the same way
                if (excess > 0) {
                    if (g == null) g = new double[t];
                    g[k] = (double) excess / (100.0 * nonFood);
                }
            }
            if (g != null) {
                positions.add(p);
                gaps.add(g);
            }
        }
        int m = positions.size();
        int[] pos = new int[m];
        byte[] over = new byte[m];
        double[] gap = new double[m * t];
        for (int j = 0; j < m; j++) {
            pos[j] = positions.get(j);
            double[] g = gaps.get(j);
            for (int k = 0; k < t; k++) {
                gap[j * t + k] = g[k];
                if (g[k] > 0) over[j] = (byte) (k + 1);   // the thresholds ascend: over the k-th, over every lower one
            }
        }
        return new Catastrophic(pos, over, gap);
    }

    private Column column(IncomeRanking ranking, java.util.function.IntToLongFunction column) {
        long[] dense = new long[n];
        int m = 0;
        for (int p = 0; p < n; p++) if ((dense[p] = column.applyAsLong(ranking.at(p))) != 0) m++;
        if (m > n / 4) return new Column(dense, null, null);
        int[] pos = new int[m];
        long[] val = new long[m];
        int j = 0;
        for (int p = 0; p < n; p++) {
            if (dense[p] != 0) {
                pos[j] = p;
                val[j++] = dense[p];
            }
        }
        return new Column(null, pos, val);
    }

    /** {@code replicates} replicates from {@code seed}, on {@code threads} threads; the same whatever the thread count. */
    Replicate[] run(int replicates, long seed, int threads) throws InterruptedException {
        Replicate[] out = new Replicate[replicates];
        if (replicates == 0 || n == 0) return out;
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, replicates));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    int[] weight = new int[n];
                    int[] poorer = new int[n];
                    int[] draws = new int[n];
                    for (int b = next.getAndIncrement(); b < replicates; b = next.getAndIncrement()) {
                        draw(new SplittableRandom(mix(seed, b)), weight, draws, poorer);
                        out[b] = replicate(weight, poorer);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * N draws with replacement: {@code weight[p]} = how often the household at income position p was drawn. The draws
     * are first grouped by their top bits (256 groups) and then counted group by group, so that the counting stays in
     * the cache: the same weights as counting them one by one, three times faster for 1.8 million households.
     * {@code draws} and {@code grouped} are scratch arrays of N.
     */
    private void draw(SplittableRandom random, int[] weight, int[] draws, int[] grouped) {
        int shift = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)) - 8);
        int[] start = new int[(n - 1 >>> shift) + 2];
        for (int d = 0; d < n; d++) {
            int v = random.nextInt(n);
            draws[d] = v;
            start[(v >>> shift) + 1]++;
        }
        for (int g = 1; g < start.length; g++) start[g] += start[g - 1];
        for (int d = 0; d < n; d++) grouped[start[draws[d] >>> shift]++] = draws[d];
        Arrays.fill(weight, 0);
        for (int d = 0; d < n; d++) weight[grouped[d]]++;
    }

    /**
     * The sums of one replicate, {@code weight} by income position ({@code poorer} is scratch: the weight of the ranked
     * households poorer than each position). Package-private so a test can give every household weight 1.
     */
    Replicate replicate(int[] weight, int[] poorer) {
        long ranked = 0;
        for (int p = 0; p < n; p++) {
            poorer[p] = (int) ranked;
            if (rankedAt[p]) ranked += weight[p];
        }
        int t = thresholds.length, sc = scenarios.length;
        long[][] cat = new long[sc][t], conc = new long[sc][t];
        double[][] gap = new double[sc][t];
        for (int s = 0; s < sc; s++) {
            Catastrophic c = scenarios[s];
            int[] position = c.position();
            byte[] over = c.over();
            double[] gaps = c.gap();
            long[] cs = cat[s], ks = conc[s];
            double[] gs = gap[s];
            for (int j = 0; j < position.length; j++) {
                int p = position[j];
                long w = weight[p];
                if (w == 0) continue;
                // the w copies' ranks R+1 … R+w: Σ (N + 1 − r) = w(N + 1) − wR − w(w + 1)/2
                long s1 = w * (ranked + 1) - w * poorer[p] - w * (w + 1) / 2;
                for (int k = 0, end = over[j]; k < end; k++) {
                    cs[k] += w;
                    gs[k] += w * gaps[j * t + k];
                    ks[k] += s1;
                }
            }
        }
        int groups = Payments.values().length;
        long[][] pay = new long[paymentChanges.length][groups];
        for (int g = 0; g < groups; g++) pay[0][g] = basePayments[g].sum(weight);
        for (int r = 1; r < paymentChanges.length; r++)
            for (int g = 0; g < groups; g++) pay[r][g] = pay[0][g] + paymentChanges[r][g].sum(weight);
        return new Replicate(ranked, cat, gap, conc, pay);
    }

    /** SplitMix64's finaliser of seed and replicate: independent streams for neighbouring b. */
    static long mix(long seed, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + (b + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Households in the population (the size of a weight array). */
    int households() { return n; }
}
