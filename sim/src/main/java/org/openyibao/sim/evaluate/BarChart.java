package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * A grouped bar chart as inline SVG: categories along the x axis, one bar per series in each, negative values below
 * the zero line, an axis title (with its unit) on each axis and a legend. No script, no external font; every text
 * escaped. The {@code viewBox} lets the page scale the chart down (the report's CSS: {@code max-width:100%}).
 *
 * <p>Each series' bars sit in a {@code <g data-series="NAME" fill="COLOUR">}, and so does its legend key: a chart's
 * colours can be read back (the report's browser test checks one colour per scenario across all charts).
 */
final class BarChart {

    static final int MIN_WIDTH = 560;
    /** A chart keeps whole category labels on one line while it needs no more than this. */
    static final int MAX_ONE_LINE_WIDTH = 720;
    private static final int LEFT_MIN = 60, RIGHT = 12, TOP = 16, PLOT = 200, LINE = 13, KEY_LINE = 18;
    private static final double TICK_PX = 11, TITLE_PX = 12;

    /**
     * A series: its name (legend, tooltips), the key of what it shows (a scenario's key: {@code data-series}), its
     * colour, and whether drawn light (a pale fill, outlined in the colour).
     */
    record Series(String name, String key, String colour, boolean light, double[] values) {
        static Series of(String name, String key, String colour, double[] values) {
            return new Series(name, key, colour, false, values);
        }
    }

    /** A legend entry: a series' ({@code key} its key) or, with a null key, a style's ("income: solid"). */
    record Key(String label, String key, String colour, boolean light) {
    }

    /** The axes' titles, each with its unit, e.g. "Share of households (%)". */
    record Axes(String x, String y) {
    }

    /**
     * What a chart shows.
     *
     * @param format how a value is written in its bar's tooltip
     * @param ticks  how a value is written on the y axis (often {@code format}; a money axis in 万元 is not)
     * @param minStep the smallest step between ticks (1 for counts)
     * @param legend the keys, one per series unless given
     */
    record Chart(String title, Axes axes, List<String> categories, List<Series> series, List<Key> legend,
                 DoubleFunction<String> format, DoubleFunction<String> ticks, double minStep) {

        static Chart of(String title, Axes axes, List<String> categories, List<Series> series, DoubleFunction<String> format) {
            List<Key> keys = series.stream().map(s -> new Key(s.name(), s.key(), s.colour(), s.light())).toList();
            return new Chart(title, axes, categories, series, keys, format, format, 0);
        }

        Chart minStep(double step) {
            return new Chart(title, axes, categories, series, legend, format, ticks, step);
        }

        Chart ticks(DoubleFunction<String> f) {
            return new Chart(title, axes, categories, series, legend, format, f, minStep);
        }

        Chart legend(List<Key> keys) {
            return new Chart(title, axes, categories, series, keys, format, ticks, minStep);
        }
    }

    private BarChart() {
    }

    static String svg(Chart c) {
        Scale scale = Scale.of(c);
        int left = Math.max(LEFT_MIN, (int) Math.ceil(scale.widestTick()) + 14);
        List<String> yTitle = c.axes().y().isBlank() ? List.of() : wrap(c.axes().y(), PLOT, TITLE_PX);
        left += (int) (yTitle.size() * (TITLE_PX + 3));
        // wide enough for the longest legend key too (a run's label from run.json can be long)
        double widestKey = c.legend().stream().mapToDouble(k -> keyWidth(k)).max().orElse(0);
        Layout at = Layout.of(c.categories(), left, (int) Math.ceil(left + widestKey + RIGHT));
        int legendTop = at.labelsBottom() + (c.axes().x().isBlank() ? 8 : 26);
        List<double[]> keyAt = keyPositions(c.legend(), left, at.width());
        int height = legendTop + (keyAt.isEmpty() ? 0 : (int) keyAt.get(keyAt.size() - 1)[1] + KEY_LINE) + 6;
        DoubleUnaryOperator y = v -> TOP + (scale.hi() - v) / (scale.hi() - scale.lo()) * PLOT;

        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(at.width()).append(' ').append(height)
                .append("\" width=\"").append(at.width()).append("\" height=\"").append(height).append("\">")
                .append("<title>").append(e(c.title())).append("</title>");
        for (int k = 0; k <= scale.ticks(); k++) {
            double ty = y.applyAsDouble(scale.tick(k));
            b.append("<line x1=\"").append(left).append("\" x2=\"").append(at.width() - RIGHT).append("\" y1=\"").append(n(ty))
                    .append("\" y2=\"").append(n(ty)).append("\" stroke=\"#ddd\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(n(ty + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(e(scale.label(k))).append("</text>");
        }
        bars(b, c, at, y);
        b.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP + PLOT).append("\" stroke=\"#333\"/>");
        double zero = y.applyAsDouble(0);
        b.append("<line x1=\"").append(left).append("\" x2=\"").append(at.width() - RIGHT).append("\" y1=\"").append(n(zero))
                .append("\" y2=\"").append(n(zero)).append("\" stroke=\"#333\"/>");
        axisTitles(b, c.axes(), yTitle, left, at);
        legend(b, c.legend(), keyAt, legendTop);
        return b.append("</svg>").toString();
    }

    private static void bars(StringBuilder b, Chart c, Layout at, DoubleUnaryOperator y) {
        int n = Math.max(c.series().size(), 1);
        double bar = at.band() * 0.8 / n, zero = y.applyAsDouble(0);
        for (int s = 0; s < c.series().size(); s++) {
            Series sr = c.series().get(s);
            b.append("<g data-series=\"").append(e(sr.key())).append('"').append(style(sr.colour(), sr.light())).append('>');
            for (int k = 0; k < c.categories().size(); k++) {
                double v = sr.values()[k];
                if (Double.isNaN(v)) continue;
                double vy = y.applyAsDouble(v), x0 = at.left() + k * at.band() + at.band() * 0.1;
                b.append("<rect x=\"").append(n(x0 + s * bar)).append("\" y=\"").append(n(Math.min(vy, zero)))
                        .append("\" width=\"").append(n(Math.max(bar - 1, 1))).append("\" height=\"")
                        .append(n(Math.max(Math.abs(zero - vy), 0.5))).append("\"><title>")
                        .append(e(sr.name() + " · " + c.categories().get(k) + ": " + c.format().apply(v))).append("</title></rect>");
            }
            b.append("</g>");
        }
        for (int k = 0; k < c.categories().size(); k++) {
            double cx = at.left() + k * at.band() + at.band() / 2;
            b.append("<text class=\"category\" y=\"").append(TOP + PLOT + 16).append("\" text-anchor=\"middle\" font-size=\"11\">");
            List<String> lines = at.labels().get(k);
            for (int l = 0; l < lines.size(); l++)
                b.append("<tspan x=\"").append(n(cx)).append("\" dy=\"").append(l == 0 ? 0 : LINE).append("\">")
                        .append(e(lines.get(l))).append("</tspan>");
            b.append("</text>");
        }
    }

    private static void axisTitles(StringBuilder b, Axes axes, List<String> yTitle, int left, Layout at) {
        if (!axes.x().isBlank()) {
            double cx = left + (at.width() - RIGHT - left) / 2.0;
            b.append("<text class=\"axis-title x\" x=\"").append(n(cx)).append("\" y=\"").append(at.labelsBottom() + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">").append(e(axes.x())).append("</text>");
        }
        if (yTitle.isEmpty()) return;
        b.append("<text class=\"axis-title y\" transform=\"translate(14 ").append(TOP + PLOT / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">");
        for (int l = 0; l < yTitle.size(); l++)
            b.append("<tspan x=\"0\" dy=\"").append(l == 0 ? 0 : 15).append("\">").append(e(yTitle.get(l))).append("</tspan>");
        b.append("</text>");
    }

    /** Legend keys in rows under the chart, each key 12 px swatch + its label; x, row offset per key. */
    private static List<double[]> keyPositions(List<Key> keys, int left, int width) {
        List<double[]> at = new ArrayList<>();
        double x = left, row = 0;
        for (Key k : keys) {
            double w = keyWidth(k);
            if (x > left && x + w > width - RIGHT) {
                x = left;
                row += KEY_LINE;
            }
            at.add(new double[] {x, row});
            x += w;
        }
        return at;
    }

    /** A key's swatch, its label and the space after it. */
    private static double keyWidth(Key k) {
        return 18 + textWidth(k.label(), TITLE_PX) + 16;
    }

    private static void legend(StringBuilder b, List<Key> keys, List<double[]> at, int top) {
        for (int k = 0; k < keys.size(); k++) {
            Key key = keys.get(k);
            double x = at.get(k)[0], ky = top + at.get(k)[1];
            b.append("<g class=\"key\"");
            if (key.key() != null) b.append(" data-series=\"").append(e(key.key())).append('"');
            b.append('>').append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(ky)).append("\" width=\"12\" height=\"12\"")
                    .append(style(key.colour(), key.light())).append("/><text x=\"").append(n(x + 18)).append("\" y=\"")
                    .append(n(ky + 10)).append("\" font-size=\"12\">").append(e(key.label())).append("</text></g>");
        }
    }

    /** A solid fill, or a pale fill with an outline in the colour. */
    private static String style(String colour, boolean light) {
        return light ? " fill=\"" + colour + "\" fill-opacity=\"0.35\" stroke=\"" + colour + "\" stroke-width=\"1.5\""
                : " fill=\"" + colour + "\"";
    }

    /** Where the categories go: the chart's width, each category's band and its label's lines. */
    record Layout(int width, int left, double band, List<List<String>> labels) {

        /**
         * Whole labels on one line while the chart stays within {@link #MAX_ONE_LINE_WIDTH}; else labels broken only at
         * spaces and before an opening bracket, the bands wide enough for the widest unbroken piece. A label is never cut.
         */
        static Layout of(List<String> categories, int left) {
            return of(categories, left, MIN_WIDTH);
        }

        /** As above, the chart at least {@code minWidth} wide. */
        static Layout of(List<String> categories, int left, int minWidth) {
            int n = Math.max(categories.size(), 1);
            double least = (Math.max(MIN_WIDTH, minWidth) - left - RIGHT) / (double) n;
            double whole = categories.stream().mapToDouble(l -> textWidth(l, TICK_PX)).max().orElse(0) + 8;
            if (left + RIGHT + n * whole <= MAX_ONE_LINE_WIDTH) {
                double band = Math.max(least, whole);
                return new Layout(width(left, n, band), left, band, categories.stream().map(List::of).toList());
            }
            double piece = categories.stream().flatMap(l -> pieces(l).stream()).mapToDouble(p -> textWidth(p.strip(), TICK_PX))
                    .max().orElse(0) + 8;
            double band = Math.max(least, Math.max(piece, (MAX_ONE_LINE_WIDTH - left - RIGHT) / (double) n));
            return new Layout(width(left, n, band), left, band, categories.stream().map(l -> wrap(l, band - 8, TICK_PX)).toList());
        }

        private static int width(int left, int n, double band) {
            return (int) Math.ceil(left + RIGHT + n * band);
        }

        int labelsBottom() {
            int lines = labels.stream().mapToInt(List::size).max().orElse(1);
            return TOP + PLOT + 16 + (lines - 1) * LINE + 4;
        }
    }

    /** The y axis: from a multiple of the step at or below the least value to one at or above the greatest. */
    record Scale(double lo, double step, int ticks, String[] labels) {

        static Scale of(Chart c) {
            double lo = 0, hi = 0;
            for (Series s : c.series())
                for (double v : s.values())
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
            if (hi == lo) hi = lo + 1;
            double step = Math.max(niceStep((hi - lo) / 5), c.minStep());
            lo = Math.floor(lo / step) * step;
            hi = Math.ceil(hi / step) * step;
            int ticks = (int) Math.round((hi - lo) / step);
            String[] labels = new String[ticks + 1];
            for (int k = 0; k <= ticks; k++) labels[k] = c.ticks().apply(tick(lo, step, k));
            return new Scale(lo, step, ticks, labels);
        }

        double hi() {
            return lo + ticks * step;
        }

        double tick(int k) {
            return tick(lo, step, k);
        }

        String label(int k) {
            return labels[k];
        }

        /** The estimated width of the widest tick label, px. */
        double widestTick() {
            double w = 0;
            for (String l : labels) w = Math.max(w, textWidth(l, TICK_PX));
            return w;
        }

        /** The k-th tick, computed (not accumulated) and without a negative zero. */
        private static double tick(double lo, double step, int k) {
            double t = lo + k * step;
            return Math.abs(t) < step * 1e-9 ? 0.0 : t;
        }
    }

    /**
     * A label in lines that fit {@code width} px at {@code px} font size: broken only at spaces and before an opening
     * bracket (Chinese text is never broken between two characters of a word: "第一组（最低收入）" breaks, if at all,
     * as "第一组" / "（最低收入）"). A piece wider than {@code width} stays whole on its own line.
     */
    static List<String> wrap(String label, double width, double px) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String p : pieces(label)) {
            String candidate = line + p;
            if (line.length() > 0 && textWidth(candidate.strip(), px) > width) {
                lines.add(line.toString().strip());
                line.setLength(0);
                line.append(p.stripLeading());
            } else {
                line.append(p);
            }
        }
        if (!line.toString().isBlank()) lines.add(line.toString().strip());
        return lines;
    }

    /** The unbreakable pieces of a label, each with the space before it: "Q1 (poorest)" → "Q1", " (poorest)". */
    static List<String> pieces(String label) {
        List<String> out = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char ch = label.charAt(i);
            boolean breakBefore = (ch == ' ' && p.length() > 0 && p.charAt(p.length() - 1) != ' ')
                    || (ch == '（' && p.length() > 0 && !p.toString().isBlank());
            if (breakBefore) {
                out.add(p.toString());
                p.setLength(0);
            }
            p.append(ch);
        }
        if (p.length() > 0) out.add(p.toString());
        return out;
    }

    /**
     * Estimated width of {@code s} at font size {@code px}: a CJK or full-width character 1 em, others 0.6 em (a
     * little more than the average Latin letter, so that estimates err towards room).
     */
    static double textWidth(String s, double px) {
        return s.codePoints().mapToDouble(ch -> ch >= 0x2E80 ? px : 0.6 * px).sum();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }

    private static String e(String s) {
        return Html.escape(s);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
