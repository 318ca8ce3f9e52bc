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
    private static final int WIDTH = 560, LEFT_MIN = 78, RIGHT = 12, TOP = 16, PLOT = 200, AXIS = 48, LEGEND_LINE = 18;

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
        int ticks = (int) Math.round((hi - lo) / step);
        String[] tickLabels = new String[ticks + 1];
        int widest = 0;
        for (int k = 0; k <= ticks; k++) {
            tickLabels[k] = format.apply(tick(lo, step, k));
            widest = Math.max(widest, tickLabels[k].length());
        }
        final int left = Math.max(LEFT_MIN, 7 * widest + 14);   // room for the longest tick label (11 px digits)
        int height = TOP + PLOT + AXIS + LEGEND_LINE * series.size() + 8;
        double plotWidth = WIDTH - left - RIGHT;
        double band = plotWidth / Math.max(categories.size(), 1);
        double bar = band * 0.8 / Math.max(series.size(), 1);
        final double top = hi, span = hi - lo;
        java.util.function.DoubleUnaryOperator y = v -> TOP + (top - v) / span * PLOT;

        StringBuilder b = new StringBuilder();
        b.append("<svg role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\">")
                .append("<title>").append(Html.escape(title)).append("</title>");
        for (int k = 0; k <= ticks; k++) {
            double ty = y.applyAsDouble(tick(lo, step, k));
            b.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(ty))
                    .append("\" y2=\"").append(n(ty)).append("\" stroke=\"#ddd\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(n(ty + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(Html.escape(tickLabels[k])).append("</text>");
        }
        double zero = y.applyAsDouble(0);
        for (int c = 0; c < categories.size(); c++) {
            double x0 = left + c * band + band * 0.1;
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
            double cx = left + c * band + band / 2;
            b.append("<text y=\"").append(TOP + PLOT + 16).append("\" text-anchor=\"middle\" font-size=\"11\">");
            List<String> lines = wrap(categories.get(c), band - 4);
            for (int l = 0; l < lines.size(); l++)
                b.append("<tspan x=\"").append(n(cx)).append("\" dy=\"").append(l == 0 ? 0 : 12).append("\">")
                        .append(Html.escape(lines.get(l))).append("</tspan>");
            b.append("</text>");
        }
        b.append("<line x1=\"").append(left).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(n(zero))
                .append("\" y2=\"").append(n(zero)).append("\" stroke=\"#333\"/>");
        for (int s = 0; s < series.size(); s++) {
            int ly = TOP + PLOT + AXIS + s * LEGEND_LINE;
            b.append("<rect x=\"").append(left).append("\" y=\"").append(ly).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(s)).append("\"/><text x=\"").append(left + 18).append("\" y=\"").append(ly + 10)
                    .append("\" font-size=\"12\">").append(Html.escape(series.get(s))).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /**
     * A category label in lines that fit {@code width} px (at most 3): Latin text breaks between
     * words, Chinese between characters; widths estimated (11 px a CJK character, 6.5 px others).
     */
    static List<String> wrap(String label, double width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        double w = 0;
        int i = 0;
        while (i < label.length()) {
            int j = i + 1;
            if (label.charAt(i) < 0x2E80) while (j < label.length() && label.charAt(j) != ' ' && label.charAt(j) < 0x2E80) j++;
            String token = label.substring(i, j);
            double tw = token.chars().mapToDouble(ch -> ch >= 0x2E80 ? 11 : 6.5).sum();
            if (w + tw > width && line.length() > 0 && lines.size() < 2) {
                lines.add(line.toString().strip());
                line.setLength(0);
                w = 0;
                if (token.equals(" ")) { i = j; continue; }
            }
            line.append(token);
            w += tw;
            i = j;
        }
        if (line.length() > 0) lines.add(line.toString().strip());
        return lines;
    }

    /** The k-th tick, computed (not accumulated) and without a negative zero. */
    private static double tick(double lo, double step, int k) {
        double t = lo + k * step;
        return Math.abs(t) < step * 1e-9 ? 0.0 : t;
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
