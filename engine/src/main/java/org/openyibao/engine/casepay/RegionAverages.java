package org.openyibao.engine.casepay;

import java.util.List;

/**
 * The region's totals over its grouped cases, the yardstick of the hospital indicators (docs/case-payment.md#indicators):
 * cases, Σ weights (millionths), Σ cost (fen) and Σ days. The region's cost per weight is {@code costFen ÷ weightPpm},
 * its days per weight {@code days ÷ weightPpm}; its case-mix index {@link #cmiPpm()}.
 */
public record RegionAverages(int cases, long weightPpm, long costFen, long days) {

    public static RegionAverages of(List<CaseFigures> cases) {
        int n = 0;
        long weight = 0;
        long cost = 0;
        long days = 0;
        for (CaseFigures c : cases) {
            if (!c.grouped()) continue;
            n++;
            weight = Math.addExact(weight, c.weightPpm());
            cost = Math.addExact(cost, c.costFen());
            days += c.lengthOfStay();
        }
        return new RegionAverages(n, weight, cost, days);
    }

    /** Σ weights ÷ grouped cases, in millionths, half-up; 0 without a grouped case. */
    public long cmiPpm() {
        return cases == 0 ? 0 : Points.mulDiv(weightPpm, 1, cases);
    }
}
