package org.openyibao.sim.evaluate;

import java.util.Locale;

/** How figures are written in the report: yuan with 2 decimals from exact fen, percentages with 2 decimals. */
final class Format {

    /** Shown for an undefined ratio (no household in the denominator). */
    static final String NONE = "—";

    private Format() {
    }

    /** fen as yuan, exactly, with thousands separators: 101580 → "1,015.80", −5 → "-0.05". */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long a = Math.abs(fen);
        return sign + String.format(Locale.ROOT, "%,d.%02d", a / 100, a % 100);
    }

    /** A mean in fen (a double) as yuan with 2 decimals. */
    static String yuan(double fen) {
        return Double.isNaN(fen) ? NONE : String.format(Locale.ROOT, "%,.2f", fen / 100);
    }

    /** A ratio as a percentage with 2 decimals: 0.115045 → "11.50%". */
    static String percent(double ratio) {
        return Double.isNaN(ratio) ? NONE : String.format(Locale.ROOT, "%.2f%%", ratio * 100);
    }

    /** An index (the concentration index) with 3 decimals, as seed 003 Table 4-4. */
    static String index(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.3f", v);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
