package org.openyibao.engine.casepay;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.openyibao.engine.money.Money;

/** Exact arithmetic on points, weights and multiples held in millionths, each result rounded half-up once. */
final class Points {
    private Points() {}

    /** a × b ÷ c, rounded half-up; a, b, c non-negative, c positive. */
    static long mulDiv(long a, long b, long c) {
        BigInteger n = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        return new BigDecimal(n).divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** a × b × c ÷ d, rounded half-up once. */
    static long mulMulDiv(long a, long b, long c, long d) {
        BigInteger n = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c));
        return new BigDecimal(n).divide(BigDecimal.valueOf(d), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A count in millionths as a decimal ("12.345678", trailing zeros dropped). */
    static String format(long ppm) {
        return BigDecimal.valueOf(ppm, 6).stripTrailingZeros().toPlainString();
    }

    /** The multiple {@code cost ÷ average} as a decimal to four places, for explanations. */
    static String ratio(long costFen, long averageFen) {
        return BigDecimal.valueOf(costFen).divide(BigDecimal.valueOf(averageFen), 4, RoundingMode.HALF_UP).toPlainString();
    }

    /** Whether {@code cost} is above {@code multiplePpm} × {@code average}, exactly. */
    static boolean above(long costFen, long averageFen, int multiplePpm) {
        return BigInteger.valueOf(costFen).multiply(BigInteger.valueOf(Money.PPM))
                .compareTo(BigInteger.valueOf(averageFen).multiply(BigInteger.valueOf(multiplePpm))) > 0;
    }

    /** Whether {@code cost} is below {@code multiplePpm} × {@code average}, exactly. */
    static boolean below(long costFen, long averageFen, int multiplePpm) {
        return BigInteger.valueOf(costFen).multiply(BigInteger.valueOf(Money.PPM))
                .compareTo(BigInteger.valueOf(averageFen).multiply(BigInteger.valueOf(multiplePpm))) < 0;
    }
}
