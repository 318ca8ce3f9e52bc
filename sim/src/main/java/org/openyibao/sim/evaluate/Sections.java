package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.function.DoubleFunction;

/** Small pieces the report's newer sections share: escaped cells, header rows, intervals in words. */
final class Sections {

    private Sections() {
    }

    static String e(String s) {
        return Html.escape(s == null ? "" : s);
    }

    /** A header row of the words for {@code keys}. */
    static void header(StringBuilder b, ReportText t, List<String> keys) {
        b.append("<tr>");
        for (String k : keys) b.append("<th>").append(e(t.t(k))).append("</th>");
        b.append("</tr>");
    }

    static void cell(StringBuilder b, String text) {
        b.append("<td>").append(e(text)).append("</td>");
    }

    static void number(StringBuilder b, String text) {
        b.append("<td class=\"n\">").append(e(text)).append("</td>");
    }

    static void open(StringBuilder b, String title) {
        b.append("<section><h2>").append(e(title)).append("</h2>");
    }

    /** "[low, high]" in {@code format}; an infinite end "unbounded"; "—" without an interval. */
    static String interval(ReportText t, Interval i, DoubleFunction<String> format) {
        if (i == null || !i.known()) return Format.NONE;
        return "[" + end(t, i.low(), format) + ", " + end(t, i.high(), format) + "]";
    }

    private static String end(ReportText t, double v, DoubleFunction<String> format) {
        if (Double.isInfinite(v)) return (v < 0 ? "−" : "") + t.t("unbounded");
        return format.apply(v);
    }

    /** A ratio difference in percentage points with its sign: 0.0012 → "+0.12". */
    static String points(double ratio) {
        return Double.isNaN(ratio) ? Format.NONE : String.format(java.util.Locale.ROOT, "%+.2f", ratio * 100);
    }

    /** An index difference with its sign, 3 decimals. */
    static String signedIndex(double v) {
        return Double.isNaN(v) ? Format.NONE : String.format(java.util.Locale.ROOT, "%+.3f", v);
    }
}
