package org.openyibao.engine.supervision;

import java.math.BigDecimal;

/** Fen shown as yuan for a reason: 123,456 → "1234.56". */
final class Yuan {
    private Yuan() {}

    static String of(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
