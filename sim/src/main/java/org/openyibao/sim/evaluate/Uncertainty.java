package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The bootstrap's intervals ({@link Bootstrap}, docs/sim.md "Uncertainty"): every scenario's indicators at each
 * threshold, each scenario's difference from the baseline run, and each run's fund payments on the visits and
 * their change against the baseline. Money in fen.
 *
 * @param replicates  B (0: no bootstrap, every map empty)
 * @param seed        the seed the replicates were drawn from
 * @param scenarios   by scenario key, one per threshold
 * @param differences scenario − baseline run, by scenario key (every scenario but the baseline run)
 * @param payments    by run label: each payment column's sum ({@link Bootstrap.Payments} names, lower case) and {@code all}
 * @param paymentChanges by run label (every run but the baseline): run − baseline of each
 * @param paymentPoints  by run label: the point estimates of {@code payments}, exact sums in fen
 */
public record Uncertainty(int replicates, long seed, Map<String, List<IndicatorIntervals>> scenarios,
                          Map<String, List<IndicatorIntervals>> differences, Map<String, Map<String, Interval>> payments,
                          Map<String, Map<String, Interval>> paymentChanges, Map<String, Map<String, Long>> paymentPoints) {

    /** The four indicators' intervals at one threshold. */
    public record IndicatorIntervals(int thresholdPercent, Interval headcount, Interval averageGap, Interval meanPositiveGap,
                                     Interval concentrationIndex) {}

    /** No bootstrap ({@code --bootstrap 0}). */
    static Uncertainty none(long seed) {
        return new Uncertainty(0, seed, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The key of all payment columns together. */
    static final String ALL = "all";

    /**
     * The intervals from {@code reps}: {@code scenarioKeys} in the bootstrap's scenario order, {@code baseline} the
     * index of the baseline run among them; {@code runLabels} in its run order (the baseline first).
     */
    static Uncertainty of(Bootstrap.Replicate[] reps, long seed, List<String> scenarioKeys, int baseline, List<String> runLabels,
                          int[] thresholds, List<long[]> points) {
        if (reps.length == 0) return none(seed);
        Map<String, List<IndicatorIntervals>> scenarios = new LinkedHashMap<>(), differences = new LinkedHashMap<>();
        for (int s = 0; s < scenarioKeys.size(); s++) {
            scenarios.put(scenarioKeys.get(s), indicators(reps, s, -1, thresholds));
            if (s != baseline) differences.put(scenarioKeys.get(s), indicators(reps, s, baseline, thresholds));
        }
        Map<String, Map<String, Interval>> payments = new LinkedHashMap<>(), changes = new LinkedHashMap<>();
        Map<String, Map<String, Long>> pointPayments = new LinkedHashMap<>();
        for (int r = 0; r < runLabels.size(); r++) {
            Map<String, Long> m = new LinkedHashMap<>();
            long all = 0;
            for (Bootstrap.Payments p : Bootstrap.Payments.values()) {
                m.put(key(p), points.get(r)[p.ordinal()]);
                all += points.get(r)[p.ordinal()];
            }
            m.put(ALL, all);
            pointPayments.put(runLabels.get(r), m);
            payments.put(runLabels.get(r), payments(reps, r, -1));
            if (r > 0) changes.put(runLabels.get(r), payments(reps, r, 0));
        }
        return new Uncertainty(reps.length, seed, scenarios, differences, payments, changes, pointPayments);
    }

    private static List<IndicatorIntervals> indicators(Bootstrap.Replicate[] reps, int s, int minus, int[] thresholds) {
        List<IndicatorIntervals> out = new ArrayList<>();
        for (int k = 0; k < thresholds.length; k++) {
            int kk = k;
            out.add(new IndicatorIntervals(thresholds[k],
                    interval(reps, r -> r.headcount(s, kk) - (minus < 0 ? 0 : r.headcount(minus, kk))),
                    interval(reps, r -> r.averageGap(s, kk) - (minus < 0 ? 0 : r.averageGap(minus, kk))),
                    interval(reps, r -> r.meanPositiveGap(s, kk) - (minus < 0 ? 0 : r.meanPositiveGap(minus, kk))),
                    interval(reps, r -> r.concentrationIndex(s, kk) - (minus < 0 ? 0 : r.concentrationIndex(minus, kk)))));
        }
        return out;
    }

    private static Map<String, Interval> payments(Bootstrap.Replicate[] reps, int r, int minus) {
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Bootstrap.Payments p : Bootstrap.Payments.values()) {
            int g = p.ordinal();
            out.put(key(p),
                    interval(reps, x -> x.payments()[r][g] - (minus < 0 ? 0 : x.payments()[minus][g])));
        }
        out.put(ALL, interval(reps, x -> x.allPayments(r) - (minus < 0 ? 0 : x.allPayments(minus))));
        return out;
    }

    /** A payment column's key: {@code pooling}, {@code serious_illness}, {@code assistance}, {@code other}. */
    static String key(Bootstrap.Payments p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }

    static Interval interval(Bootstrap.Replicate[] reps, ToDoubleFunction<Bootstrap.Replicate> f) {
        double[] v = new double[reps.length];
        for (int b = 0; b < reps.length; b++) v[b] = f.applyAsDouble(reps[b]);
        return Interval.of(v);
    }
}
