package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.policy.Cited;

/**
 * One step of a case's payment, like a line of the settlement trace: the rule's name, what it did in words a hospital
 * clerk can check, and the pack values it used with their sources.
 */
public record CasePaymentStep(String rule, String explanation, List<Cited> parameters) {
    public CasePaymentStep {
        parameters = List.copyOf(parameters);
    }
}
