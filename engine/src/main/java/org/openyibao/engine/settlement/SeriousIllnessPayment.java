package org.openyibao.engine.settlement;

/** What serious illness pays from a group ({@code hifmi_pay}) and how far the year's band base moves. */
record SeriousIllnessPayment(long baseIncrement, long pays, TraceEntry why) {}
