package org.openyibao.engine.policy;

import java.util.List;

import org.openyibao.engine.money.Money;

/** A marginal scale compiled for one date: thresholds ascending (fen), rates in ppm, each band cited. */
public final class Bands {
    private final long[] thresholds;
    private final int[] rates;
    private final List<Cited> cited;

    Bands(long[] thresholds, int[] rates, List<Cited> cited) {
        this.thresholds = thresholds.clone();
        this.rates = rates.clone();
        this.cited = List.copyOf(cited);
    }

    /** The scale applied to {@code base}, exact, in fen × ppm. */
    public long micro(long base) {
        long sum = 0;
        for (int i = 0; i < thresholds.length; i++) {
            long lo = thresholds[i];
            if (base <= lo) break;
            long hi = i + 1 < thresholds.length ? Math.min(base, thresholds[i + 1]) : base;
            sum += (hi - lo) * (long) rates[i];
        }
        return sum;
    }

    /** The first band's threshold (below it nothing is paid), or {@link Money#UNLIMITED} for an empty scale. */
    public long threshold() {
        return thresholds.length == 0 ? Money.UNLIMITED : thresholds[0];
    }

    /** The bands' rates (ppm), in order. */
    public List<Integer> rates() {
        return java.util.Arrays.stream(rates).boxed().toList();
    }

    /** One entry per band, in order. */
    public List<Cited> cited() {
        return cited;
    }
}
