package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * A case the grouper could not place (ungroupable, or ambiguous between groups of equal rank) is paid its cost by fee
 * until the table or the record is corrected (CHS-DRG 1.1's 0000 groups; DECISION,
 * docs/decisions.md#case-payment-no-group).
 */
final class NoGroup implements CaseRule {
    @Override
    public String name() {
        return "no group";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        if (c.group().grouped()) return null;
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "a case without a group is paid its cost " + Money.format(c.costFen())
                + " by fee", List.of()));
        return new CasePayment(c.caseId(), CasePayment.Kind.NO_GROUP, method, null, c.costFen(), 0, false, steps);
    }
}
