package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.LineClass;

/**
 * One fee line of a visit, in fen. {@code selfPayFirstPpm} −1 takes the pack's default for class B.
 * {@code overLimitFen} is the part of the amount above the catalogue price limit.
 * A {@code comorbidity} line of an emergency case is settled by insurance as usual (REFERENCE §7).
 */
public record FeeLine(String code, LineClass lineClass, long amountFen, int selfPayFirstPpm, long overLimitFen,
                      boolean comorbidity) {
    public FeeLine {
        if (amountFen < 0) throw new IllegalArgumentException("amount must not be negative");
        if (overLimitFen < 0 || overLimitFen > amountFen) {
            throw new IllegalArgumentException("over_limit must be between 0 and the amount");
        }
    }
}
