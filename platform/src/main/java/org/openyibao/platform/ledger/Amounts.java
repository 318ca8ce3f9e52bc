package org.openyibao.platform.ledger;

import java.math.BigDecimal;

import org.openyibao.engine.error.Echo;
import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/** Yuan amounts in requests: read into fen, or refused naming the field. */
public final class Amounts {
    private Amounts() {}

    /** A positive amount in yuan with at most two decimals, as fen. */
    public static long positiveFen(String field, BigDecimal yuan) {
        if (yuan == null) throw ApiException.badRequest(field, field + ": required (yuan, e.g. 5000.00)");
        if (yuan.signum() <= 0) throw ApiException.badRequest(field, field + ": must be positive, got " + Echo.number(yuan));
        try {
            return Money.fen(yuan);
        } catch (ArithmeticException e) {
            if (yuan.stripTrailingZeros().scale() > 2) {
                throw ApiException.badRequest(field, field + ": at most two decimals (fen), got " + Echo.number(yuan));
            }
            throw ApiException.badRequest(field, field + ": too large, got " + Echo.number(yuan));
        }
    }
}
