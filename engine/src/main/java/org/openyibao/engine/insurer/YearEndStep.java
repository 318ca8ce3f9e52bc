package org.openyibao.engine.insurer;

import java.util.List;

import org.openyibao.engine.policy.Cited;

/**
 * One step of the insurer's year-end, like a line of the settlement trace: the rule's name, what it did in words a
 * reader follows, the contract values it used (with their sources) and the amount it produced, in fen.
 */
public record YearEndStep(String rule, String explanation, List<Cited> parameters, long amountFen) {
    public YearEndStep {
        parameters = List.copyOf(parameters);
    }
}
