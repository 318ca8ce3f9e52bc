package org.openyibao.sim.evaluate;

import java.util.Arrays;

/**
 * A 95% percentile interval over bootstrap replicates ({@link Bootstrap}): with m replicates in which the figure is
 * defined, sorted, the ends are the values of rank k + 1 and m − k, k = ⌊0.025 m⌋ (200 replicates: the 6th and the
 * 195th, 190 replicates between them). NaN ends when no replicate defines the figure; an infinite end when replicates
 * without any household kept out make a cost per household unbounded.
 *
 * @param defined    replicates in which the figure is defined
 * @param replicates replicates in all
 */
public record Interval(double low, double high, int defined, int replicates) {

    /** The share of replicates left out of each end. */
    public static final double TAIL = 0.025;

    /** The interval of {@code values} (one per replicate; NaN where undefined). */
    public static Interval of(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        int m = v.length;
        if (m == 0) return new Interval(Double.NaN, Double.NaN, 0, values.length);
        int k = (int) Math.floor(TAIL * m);
        return new Interval(v[k], v[m - 1 - k], m, values.length);
    }

    /** Whether 0 lies within the interval: a difference "within the noise of a sample this size". */
    public boolean containsZero() {
        return !Double.isNaN(low) && low <= 0 && high >= 0;
    }

    public boolean known() {
        return !Double.isNaN(low);
    }
}
