package org.openyibao.engine.settlement;

import java.util.List;

import org.openyibao.engine.policy.Cited;

/**
 * One step of a settlement: the rule, what it did in English (for logs and the calc tool), the same as language-free
 * data ({@link TraceWords}, null for a step that has none), the parameters it used and the amount it decided (fen).
 */
public record TraceEntry(String rule, String explanation, TraceWords words, List<Cited> parameters, long amountFen) {
    /** A step without words as data. */
    public TraceEntry(String rule, String explanation, List<Cited> parameters, long amountFen) {
        this(rule, explanation, null, parameters, amountFen);
    }
}
