package org.openyibao.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class EchoTest {
    /** Found by the fuzz suite (issue 10): 1e2147483647 has scale -2147483647, and precision − scale overflowed an int. */
    @Test
    void digitsBeforeThePointOfAnExponentAtTheEdgeOfIntRangeDoNotOverflow() {
        assertThat(Echo.integerDigits(new BigDecimal("1e2147483647"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(Echo.integerDigits(new BigDecimal("-9.9e2147483647"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(Echo.integerDigits(new BigDecimal("1e-2147483647"))).isEqualTo(1);
        assertThat(Echo.integerDigits(new BigDecimal("123.45"))).isEqualTo(3);
        assertThat(Echo.integerDigits(new BigDecimal("0.5"))).isEqualTo(1);
        assertThat(Echo.number(new BigDecimal("1e2147483647"))).isEqualTo("1E+2147483647");
    }
}
