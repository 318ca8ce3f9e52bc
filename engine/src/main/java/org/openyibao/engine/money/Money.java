package org.openyibao.engine.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is integer fen (1 yuan = 100 fen); ratios are integer parts per million (ppm).
 * Nothing in the engine holds money in floating point. Rounding is half-up, applied once
 * per tier by the caller (REFERENCE §3).
 */
public final class Money {
    public static final long FEN_PER_YUAN = 100;
    public static final int PPM = 1_000_000;
    /** An annual cap or limit that does not exist ("no cap"). */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private Money() {}

    /** Yuan with at most two decimals to fen; more decimals is an error, not a rounding. */
    public static long fen(BigDecimal yuan) {
        BigDecimal f = yuan.movePointRight(2);
        if (f.signum() != 0 && f.stripTrailingZeros().scale() > 0) {
            throw new ArithmeticException("more than two decimals (fen) in " + org.openyibao.engine.error.Echo.number(yuan));
        }
        return f.longValueExact();
    }

    public static long fen(String yuan) {
        return fen(new BigDecimal(yuan));
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** "1,234.56"-free plain form, two decimals, for traces and reports; "unlimited" for no cap. */
    public static String format(long fen) {
        if (fen == UNLIMITED) return "unlimited";
        long abs = Math.abs(fen);
        long cents = abs % 100;
        return (fen < 0 ? "-" : "") + (abs / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    /** A ratio such as 0.85 to ppm; more than six decimals is an error. */
    public static int ppm(BigDecimal ratio) {
        BigDecimal p = ratio.movePointRight(6);
        if (p.signum() != 0 && p.stripTrailingZeros().scale() > 0) {
            throw new ArithmeticException("more than six decimals in ratio " + org.openyibao.engine.error.Echo.number(ratio));
        }
        return p.intValueExact();
    }

    public static BigDecimal ratio(int ppm) {
        return BigDecimal.valueOf(ppm, 6).stripTrailingZeros();
    }

    public static String formatRatio(int ppm) {
        BigDecimal r = ratio(ppm);
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    /** amount × ratio, rounded half-up to the fen. Amounts are non-negative. */
    public static long applyRatio(long fen, int ppm) {
        if (fen < 0) throw new IllegalArgumentException("negative amount " + fen);
        // exact in a long while fen × ppm + PPM/2 fits: always for ratios up to 1 below 9e12 fen
        if (ppm >= 0 && (ppm <= PPM ? fen <= 9_000_000_000_000L : fen <= (Long.MAX_VALUE - PPM / 2) / ppm)) {
            return (fen * ppm + PPM / 2) / PPM;
        }
        return BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(ppm))
                .divide(BigDecimal.valueOf(PPM), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Rounds an exact amount held in fen×ppm ("micro-fen") half-up to the fen. */
    public static long roundMicro(long microFen) {
        if (microFen < 0) return -roundMicro(-microFen);
        return (microFen + PPM / 2) / PPM;
    }

    /** min(a, b) where either may be {@link #UNLIMITED}. */
    public static long min(long a, long b) {
        return Math.min(a, b);
    }

    /** cap − used, never negative; an unlimited cap stays unlimited. */
    public static long remaining(long cap, long used) {
        if (cap == UNLIMITED) return UNLIMITED;
        return Math.max(0, cap - used);
    }
}
