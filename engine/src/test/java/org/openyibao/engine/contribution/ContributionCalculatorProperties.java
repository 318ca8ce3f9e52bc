package org.openyibao.engine.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The long fast path of {@link ContributionCalculator#halfUp} rounds exactly as the BigInteger arithmetic. */
class ContributionCalculatorProperties {
    @Property(tries = 2000)
    void oneRatioInALongEqualsTheExactRounding(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fen,
                                              @ForAll @IntRange(min = 0, max = 5_000_000) int ppm) {
        BigInteger[] qr = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(ppm)).divideAndRemainder(BigInteger.valueOf(1_000_000));
        long exact = qr[0].longValue() + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(1_000_000)) >= 0 ? 1 : 0);
        if (qr[0].bitLength() < 63) assertThat(ContributionCalculator.halfUp(fen, ppm)).isEqualTo(exact);
    }

    @Property(tries = 2000)
    void smallAmountsToo(@ForAll @LongRange(min = 0, max = 100_000_000L) long fen, @ForAll @IntRange(min = 0, max = 3_000_000) int ppm) {
        BigInteger[] qr = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(ppm)).divideAndRemainder(BigInteger.valueOf(1_000_000));
        long exact = qr[0].longValue() + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(1_000_000)) >= 0 ? 1 : 0);
        assertThat(ContributionCalculator.halfUp(fen, ppm)).isEqualTo(exact);
    }
}
