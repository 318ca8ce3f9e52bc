package org.openyibao.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void yuanToFenIsExactAndRefusesThirdDecimals() {
        assertThat(Money.fen("1234.56")).isEqualTo(123_456);
        assertThat(Money.fen("100")).isEqualTo(10_000);
        assertThatThrownBy(() -> Money.fen("1.005")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ratiosRoundHalfUpToTheFen() {
        // 0.05 fen rounds up; 0.04999 down
        assertThat(Money.applyRatio(1, 500_000)).isEqualTo(1);       // 0.5 fen → 1
        assertThat(Money.applyRatio(1, 499_999)).isEqualTo(0);
        assertThat(Money.applyRatio(33_333, 100_000)).isEqualTo(3_333); // 333.33 × 0.1 = 33.333 → 33.33
        assertThat(Money.applyRatio(9_950_000, 500_000)).isEqualTo(4_975_000); // (100,000 − 500) × 50%
    }

    @Test
    void formatShowsTwoDecimals() {
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(5)).isEqualTo("0.05");
        assertThat(Money.format(123_450)).isEqualTo("1234.50");
        assertThat(Money.format(-7)).isEqualTo("-0.07");
        assertThat(Money.format(Money.UNLIMITED)).isEqualTo("unlimited");
    }

    @Property
    void formatAgreesWithBigDecimal(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long fen) {
        assertThat(Money.format(fen)).isEqualTo(BigDecimal.valueOf(fen, 2).toPlainString());
    }

    @Property
    void applyRatioAgreesWithBigDecimalHalfUp(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long fen,
                                              @ForAll @IntRange(min = 0, max = 1_000_000) int ppm) {
        BigDecimal exact = BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(ppm, 6))
                .setScale(0, java.math.RoundingMode.HALF_UP);
        assertThat(Money.applyRatio(fen, ppm)).isEqualTo(exact.longValueExact());
    }

    @Test
    void ratiosAboveOneOnLargeAmountsDoNotOverflow() {
        // 4e12 fen × 3,000,000 ppm = 1.2e19 > Long.MAX_VALUE: the exact path, 3 × 4e12 = 1.2e13 fen
        assertThat(Money.applyRatio(4_000_000_000_000L, 3_000_000)).isEqualTo(12_000_000_000_000L);
        assertThat(Money.applyRatio(3_000_000_000_001L, 3_000_000)).isEqualTo(9_000_000_000_003L);
    }

    @Property(tries = 1000)
    void applyRatioIsTheExactHalfUpRounding(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long fen,
                                            @ForAll @IntRange(min = 0, max = 5_000_000) int ppm) {
        BigDecimal exact = BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(ppm))
                .divide(BigDecimal.valueOf(1_000_000), 0, java.math.RoundingMode.HALF_UP);
        if (exact.toBigInteger().bitLength() < 63) assertThat(Money.applyRatio(fen, ppm)).isEqualTo(exact.longValueExact());
    }
}
