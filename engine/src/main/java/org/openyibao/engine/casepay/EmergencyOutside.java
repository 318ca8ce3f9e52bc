package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * An emergency or epidemic case is paid by fee, outside the DRG/DIP rules, when the region's rules say so: treatment
 * is not to be held back by the payment method (He 2020, §4; {@code hospital.case_payment.emergency_outside}).
 */
final class EmergencyOutside implements CaseRule {
    @Override
    public String name() {
        return "emergency outside";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        if (!c.emergency() || !rules.emergencyOutside()) return null;
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "an emergency or epidemic case is paid its cost " + Money.format(c.costFen())
                + " by fee, outside the " + method.name() + " rules", List.of(rules.emergencyCited())));
        return new CasePayment(c.caseId(), CasePayment.Kind.EMERGENCY_OUTSIDE, method, c.group().code(), c.costFen(), 0,
                false, steps);
    }
}
