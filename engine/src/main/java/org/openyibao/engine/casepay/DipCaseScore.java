package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * Scores a DIP case (docs/case-payment.md): a pure calculation, the case and the region's rules in, the case's points
 * (or its cost paid by fee) and the trace out. The points' money value is fixed at the year-end ({@link DipYearEnd}).
 * The first rule that applies decides: an emergency outside, no group, special review, a high-cost deviation, a
 * low-cost deviation, else the group's score.
 */
public final class DipCaseScore {
    /** The rules in the order they are asked. */
    static final List<CaseRule> RULES = List.of(new EmergencyOutside(), new NoGroup(), new SpecialCaseReview(),
            new HighCostDeviation(), new LowCostDeviation(), new GroupScore());

    private DipCaseScore() {}

    public static CasePayment of(CaseToPay c, CasePaymentRules rules) {
        DrgCasePayment.check(c, Method.DIP);
        for (CaseRule rule : RULES) {
            CasePayment p = rule.pay(c, rules, Method.DIP);
            if (p != null) return p;
        }
        throw new IllegalStateException("the group's score always applies");
    }
}
