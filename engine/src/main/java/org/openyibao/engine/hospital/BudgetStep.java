package org.openyibao.engine.hospital;

import java.util.List;

import org.openyibao.engine.policy.Cited;

/**
 * One step of an institution's budget, prepayments or year-end, like a line of the settlement trace: the rule's name,
 * what it did in words a reader follows, the budget rules it used (with their sources) and the amount it produced, in
 * fen.
 */
public record BudgetStep(String rule, String explanation, List<Cited> parameters, long amountFen) {
    public BudgetStep {
        parameters = List.copyOf(parameters);
    }
}
