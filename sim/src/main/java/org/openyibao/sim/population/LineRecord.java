package org.openyibao.sim.population;

import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.settlement.FeeLine;

/**
 * One fee line of a visit, in fen; {@code selfPayFirstPpm} −1 takes the pack's default (FeeLine).
 * The constructor checks the contract's invariants: amount ≥ 0, 0 ≤ over-limit ≤ amount.
 */
public record LineRecord(String code, LineClass lineClass, long amountFen, int selfPayFirstPpm, long overLimitFen) {
    public LineRecord {
        if (amountFen < 0) throw new IllegalArgumentException("amount must not be negative");
        if (overLimitFen < 0 || overLimitFen > amountFen) throw new IllegalArgumentException("over_limit out of range");
    }

    public FeeLine feeLine() {
        return new FeeLine(code, lineClass, amountFen, selfPayFirstPpm, overLimitFen, false);
    }
}
