package org.openyibao.sim.evaluate;

import org.openyibao.engine.settlement.SettlementField;

/** Settlement rows for {@link SettlementAggregate#add}, written as the fields they name. */
final class SettlementRows {
    private SettlementRows() {}

    /** A row with the fields named in pairs ({@code HIFP_PAY, 5_000, ...}) in fen, every other field 0. */
    static long[] of(Object... pairs) {
        long[] v = SettlementAggregate.row();
        for (int i = 0; i < pairs.length; i += 2) v[((SettlementField) pairs[i]).ordinal()] = ((Number) pairs[i + 1]).longValue();
        return v;
    }
}
