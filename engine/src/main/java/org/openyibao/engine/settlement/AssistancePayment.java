package org.openyibao.engine.settlement;

/**
 * What medical assistance pays from a group ({@code maf_pay}): the children's-rule share and the
 * category's share, how far the year's assistance base moves, and why (each null when the trace is off
 * or the part does not apply).
 */
record AssistancePayment(long childShare, long categoryShare, long baseIncrement, TraceEntry childWhy, TraceEntry why) {
    long pays() {
        return childShare + categoryShare;
    }
}
