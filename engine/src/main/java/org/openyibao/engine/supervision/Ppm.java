package org.openyibao.engine.supervision;

import java.math.BigDecimal;

/** Millionths shown as a decimal: 2,500,000 → "2.5". */
final class Ppm {
    private Ppm() {}

    static String decimal(long ppm) {
        return BigDecimal.valueOf(ppm, 6).stripTrailingZeros().toPlainString();
    }
}
