package org.openyibao.sim.evaluate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * How a chart's y axis writes its ticks: percentages without trailing zeros, and money in a unit the size of the
 * figures (万元 or 亿元 in Chinese, thousand, million or billion yuan in English), named in the axis title. The
 * tables beside the charts keep exact yuan with 2 decimals (Format).
 */
final class AxisFormat {

    /** A money axis: ticks in {@code unit}, which is {@code yuanPerUnit} yuan. */
    record Money(double yuanPerUnit, String unit) {

        /** The tick of an amount in fen, in the axis's unit: 12,500,000 fen on a 万元 axis → "12.5". */
        String tick(double fen) {
            return trim(fen / 100 / yuanPerUnit);
        }
    }

    /** Units from the largest, by language: Chinese counts in 万 and 亿, English in thousands. */
    private static final List<Double> ZH = List.of(1e8, 1e4), EN = List.of(1e9, 1e6, 1e3);

    private AxisFormat() {
    }

    /** The unit for figures up to {@code maxAbsFen} in absolute value: the largest unit of at most that many yuan. */
    static Money money(double maxAbsFen, ReportText t) {
        double yuan = maxAbsFen / 100;
        for (double u : "zh".equals(t.lang) ? ZH : EN)
            if (yuan >= u) return new Money(u, t.t("unit." + key(u)));
        return new Money(1, t.t("unit.yuan"));
    }

    private static String key(double unit) {
        return "1e" + Math.round(Math.log10(unit));
    }

    /** A ratio as a percentage tick: 0.05 → "5%", 0.025 → "2.5%". */
    static String percent(double ratio) {
        return Double.isNaN(ratio) ? Format.NONE : trim(ratio * 100) + "%";
    }

    /** A number with thousands separators, at most 4 decimals, no trailing zeros: 1200.50 → "1,200.5". */
    static String trim(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) return "0";
        int scale = Math.max(d.scale(), 0);
        return String.format(Locale.ROOT, "%,." + scale + "f", d);
    }
}
