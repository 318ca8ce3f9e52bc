package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Locale;

import org.openyibao.engine.money.Money;

/**
 * The columns of {@code indicators.csv} after the indicators (docs/sim.md "The report"): the bootstrap intervals, the
 * difference from the baseline run with its interval, the threshold crossings and the cost-effectiveness of all funds
 * together (the other funds are in indicators.json), and the scenario's out-of-pocket share by income decile. Empty
 * where a figure does not apply (the baseline's own difference, a derived scenario's cost) or is undefined.
 */
final class CsvColumns {

    private CsvColumns() {
    }

    static final String HEADER = ",headcount_low_percent,headcount_high_percent,average_gap_low_percent,average_gap_high_percent,"
            + "mean_positive_gap_low_percent,mean_positive_gap_high_percent,concentration_index_low,concentration_index_high,"
            + "headcount_change_points,headcount_change_low_points,headcount_change_high_points,headcount_change_within_noise,"
            + "average_gap_change_points,average_gap_change_low_points,average_gap_change_high_points,"
            + "concentration_index_change,concentration_index_change_low,concentration_index_change_high,"
            + "pushed_over,brought_under,kept_out,kept_out_low,kept_out_high,all_funds_expenditure_change_yuan,"
            + "all_funds_net_cost_yuan,all_funds_net_cost_per_kept_out_yuan,all_funds_net_cost_per_kept_out_low_yuan,"
            + "all_funds_net_cost_per_kept_out_high_yuan" + deciles();

    private static String deciles() {
        StringBuilder b = new StringBuilder();
        for (int d = 1; d <= Distribution.DECILES; d++) b.append(",oop_share_decile_").append(d).append("_percent");
        return b.toString();
    }

    /** The extra columns of scenario {@code s} at threshold {@code i}, each preceded by its comma. */
    static String row(EvaluationResult r, ScenarioResult s, CheIndicators i) {
        StringBuilder b = new StringBuilder();
        int k = index(i.thresholdPercent());
        Uncertainty u = r.uncertainty();
        List<Uncertainty.IndicatorIntervals> level = u == null ? null : u.scenarios().get(s.key());
        Uncertainty.IndicatorIntervals x = level == null ? null : level.get(k);
        pair(b, x == null ? null : x.headcount(), 100, 2);
        pair(b, x == null ? null : x.averageGap(), 100, 2);
        pair(b, x == null ? null : x.meanPositiveGap(), 100, 2);
        pair(b, x == null ? null : x.concentrationIndex(), 1, 4);
        differences(b, r, s, k);
        crossingsAndCost(b, r, s, i.thresholdPercent());
        Distribution.Deciles d = r.distribution() == null ? null
                : r.distribution().deciles().stream().filter(x2 -> x2.scenario().equals(s.key())).findFirst().orElse(null);
        for (int q = 0; q < Distribution.DECILES; q++) b.append(',').append(d == null ? "" : num(d.share(q), 100, 2));
        return b.toString();
    }

    private static void differences(StringBuilder b, EvaluationResult r, ScenarioResult s, int k) {
        ScenarioResult base = r.scenarios().stream().filter(x -> x.key().equals(r.baseline())).findFirst().orElseThrow();
        List<Uncertainty.IndicatorIntervals> diff = r.uncertainty() == null ? null : r.uncertainty().differences().get(s.key());
        Uncertainty.IndicatorIntervals x = diff == null ? null : diff.get(k);
        boolean self = s.key().equals(r.baseline());
        CheIndicators p = s.indicators().get(k), q = base.indicators().get(k);
        b.append(',').append(self ? "" : num(p.headcount() - q.headcount(), 100, 2));
        pair(b, x == null ? null : x.headcount(), 100, 2);
        b.append(',').append(x == null || !x.headcount().known() ? "" : x.headcount().containsZero());
        b.append(',').append(self ? "" : num(p.averageGap() - q.averageGap(), 100, 2));
        pair(b, x == null ? null : x.averageGap(), 100, 2);
        b.append(',').append(self ? "" : num(p.concentrationIndex() - q.concentrationIndex(), 1, 4));
        pair(b, x == null ? null : x.concentrationIndex(), 1, 4);
    }

    private static void crossingsAndCost(StringBuilder b, EvaluationResult r, ScenarioResult s, int z) {
        Distribution.Crossing c = r.distribution() == null ? null : r.distribution().crossings().stream()
                .filter(x -> x.run().equals(s.key()) && x.thresholdPercent() == z).findFirst().orElse(null);
        b.append(',').append(c == null ? "" : c.pushedOver()).append(',').append(c == null ? "" : c.broughtUnder());
        CostEffectiveness ce = r.costEffectiveness().stream().filter(x -> x.run().equals(s.key()) && x.thresholdPercent() == z)
                .findFirst().orElse(null);
        CostEffectiveness.FundCost all = ce == null ? null
                : ce.funds().stream().filter(f -> f.fund().equals(CostEffectiveness.ALL)).findFirst().orElse(null);
        b.append(',').append(ce == null ? "" : ce.keptOut());
        pair(b, ce == null ? null : ce.keptOutInterval(), 1, 0);
        b.append(',').append(all == null ? "" : Money.format(all.expenditureChangeFen()));
        b.append(',').append(all == null ? "" : Money.format(all.netCostFen()));
        b.append(',').append(all == null ? "" : num(all.netCostPerKeptOutFen(), 0.01, 2));
        pair(b, all == null ? null : all.netCostPerKeptOut(), 0.01, 2);
    }

    private static void pair(StringBuilder b, Interval x, double scale, int decimals) {
        b.append(',').append(x == null ? "" : num(x.low(), scale, decimals));
        b.append(',').append(x == null ? "" : num(x.high(), scale, decimals));
    }

    /** {@code v · scale} with {@code decimals}; empty when undefined, {@code inf} / {@code -inf} when unbounded. */
    static String num(double v, double scale, int decimals) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%." + decimals + "f", v * scale);
    }

    private static int index(int threshold) {
        for (int k = 0; k < Indicators.THRESHOLDS.length; k++) if (Indicators.THRESHOLDS[k] == threshold) return k;
        throw new IllegalArgumentException("threshold " + threshold);
    }
}
