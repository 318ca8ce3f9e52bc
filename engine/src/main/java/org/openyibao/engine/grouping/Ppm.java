package org.openyibao.engine.grouping;

import java.math.BigDecimal;

/** Millionths shown as a decimal for people: 1,234,500 → "1.2345". */
final class Ppm {
    private Ppm() {}

    static String show(long ppm) {
        return BigDecimal.valueOf(ppm, 6).stripTrailingZeros().toPlainString();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
