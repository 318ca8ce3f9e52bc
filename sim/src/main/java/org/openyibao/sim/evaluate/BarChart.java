package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A grouped bar chart as inline SVG: categories along the axis, one bar per series in each,
 * negative values below the zero line. No script, no external font; every text escaped.
 */
final class BarChart {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
            "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    private static final int WIDTH = 560, LEFT = 78, RIGHT = 12, TOP = 12, PLOT = 200, AXIS = 34, LEGEND_LINE = 18;

    private BarChart() {
    }

    /**
     * @param values  values[series][category]; NaN draws no bar
     * @param format  how a value is written on the axis and in the bar's tooltip
     */
    static String svg(String title, List<String> categories, List<String> series, double[][] values,
                      DoubleFunction<String> format) {
        return svg(title, categories, series, values, format, 0);
    }

    /** As above; {@code minStep} the smallest step between ticks (1 for counts). */
    static String svg(String title, List<String> categories, List<String> series, double[][] values,
                      DoubleFunction<String> format, double minStep) {
        double lo = 0, hi = 0;
        for (double[] row : values)
            for (double v : row)
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
        if (hi == lo) hi = lo + 1;
        double step = Math.max(niceStep((hi - lo) / 5), minStep);
        lo = Math.floor(lo / step) * step;
        hi = Math.ceil(hi / step) * step;
        int height = TOP + PLOT + AXIS + LEGEND_LINE * series.size() + 8;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double band = plotWidth / Math.max(categories.size(), 1);
        double bar = band * 0.8 / Math.max(series.size(), 1);
        final double top = hi, span = hi - lo;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (top - v) / span * PLOT;

        StringBuilder b = new StringBuilder();
        b.append("<svg role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
        for (double t = lo; t <= hi + step / 2; t += step) {
            double ty = y.applyAsDouble(t);
            b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(ty))
                    .append("\" y2=\"").append(n(ty)).append("\" stroke=\"#ddd\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(n(ty + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(Html.escape(format.apply(t))).append("</text>");
        }
        double zero = y.applyAsDouble(0);
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * band + band * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double v = values[s][c];
                if (Double.isNaN(v)) continue;
                double vy = y.applyAsDouble(v);
                b.append("<rect x=\"").append(n(x0 + s * bar)).append("\" y=\"").append(n(Math.min(vy, zero)))
                        .append("\" width=\"").append(n(Math.max(bar - 1, 1))).append("\" height=\"")
                        .append(n(Math.max(Math.abs(zero - vy), 0.5))).append("\" fill=\"").append(colour(s)).append("\">")
                        .append("<title>").append(Html.escape(series.get(s) + " · " + categories.get(c) + ": " + format.apply(v)))
                        .append("</title></rect>");
            }
            b.append("<text x=\"").append(n(LEFT + c * band + band / 2)).append("\" y=\"").append(TOP + PLOT + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(Html.escape(categories.get(c))).append("</text>");
        }
        b.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(zero))
                .append("\" y2=\"").append(n(zero)).append("\" stroke=\"#333\"/>");
        for (int s = 0; s < series.size(); s++) {
            int ly = TOP + PLOT + AXIS + s * LEGEND_LINE;
            b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(s)).append("\"/><text x=\"").append(LEFT + 18).append("\" y=\"").append(ly + 10)
                    .append("\" font-size=\"12\">").append(Html.escape(series.get(s))).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static String colour(int s) {
        return COLOURS[s % COLOURS.length];
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
