package org.openyibao.engine.error;

import java.math.BigDecimal;

/**
 * A caller's value as an error message may repeat it: never longer than {@link #MAX} characters, so a
 * reply's size is bounded whatever the request (issue 10: a 706-byte request with {@code 1e100000000}
 * got a 100 MB reply when the number was written out in full).
 */
public final class Echo {
    /** The longest echo of a caller's value, in characters (the cut adds one "…"). */
    public static final int MAX = 40;

    private Echo() {}

    /** {@code s} cut to {@link #MAX} characters. */
    public static String cut(String s) {
        return cut(s, MAX);
    }

    /** {@code s} cut to {@code max} characters. */
    public static String cut(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** A number as sent: plain ({@code 12.30}) when that is short, else in scientific notation ({@code 1E+100000000}), cut. */
    public static String number(BigDecimal d) {
        boolean plainIsShort = d.scale() >= -MAX && d.scale() <= MAX && d.precision() <= MAX;
        return cut(plainIsShort ? d.toPlainString() : d.toString());
    }

    /** Digits before the decimal point that {@code d} has (1 for 0.5): bounds a number before converting it. */
    public static int integerDigits(BigDecimal d) {
        // in long: 1e2147483647 has scale -2147483647, and precision - scale overflowed an int to a negative count
        long digits = (long) d.precision() - d.scale();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, digits));
    }
}
