package org.openyibao.engine.settlement;

import java.util.List;

import org.openyibao.engine.policy.Cited;

/** One step of a settlement: the rule, what it did in words, the parameters it used and the amount it decided (fen). */
public record TraceEntry(String rule, String explanation, List<Cited> parameters, long amountFen) {}
