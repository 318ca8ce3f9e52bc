package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/** A DIP case near its group's average cost scores its group's score (DIP 2020). */
final class GroupScore implements CaseRule {
    @Override
    public String name() {
        return "DIP group score";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long score = c.group().scorePpm();
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "the case scores its group's " + Points.format(score) + " points",
                List.of()));
        return new CasePayment(c.caseId(), CasePayment.Kind.STANDARD, method, c.group().code(), 0, score, false, steps);
    }
}
