package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * Pays a DRG case (docs/case-payment.md): a pure calculation, the case and the region's rules in, the payment and its
 * trace out. The first rule that applies pays: an emergency outside, no group, special review, a high-cost outlier, a
 * low-cost outlier, else the standard. Paid whatever method is in force, so that a region can compare.
 */
public final class DrgCasePayment {
    /** The rules in the order they are asked. */
    static final List<CaseRule> RULES = List.of(new EmergencyOutside(), new NoGroup(), new SpecialCaseReview(),
            new HighCostOutlier(), new LowCostOutlier(), new DrgStandard());

    private DrgCasePayment() {}

    public static CasePayment of(CaseToPay c, CasePaymentRules rules) {
        check(c, Method.DRG);
        for (CaseRule rule : RULES) {
            CasePayment p = rule.pay(c, rules, Method.DRG);
            if (p != null) return p;
        }
        throw new IllegalStateException("the DRG standard always applies");
    }

    /** A grouped case must come from the method's grouper and have an average cost to compare with. */
    static void check(CaseToPay c, Method method) {
        GroupResult g = c.group();
        if (g.method() != null && g.method() != method) {
            throw new DomainException(CasePayError.WRONG_METHOD, "group.method", "group.method: case " + c.caseId()
                    + " was grouped by " + g.method().name() + " and cannot be paid by " + method.name());
        }
        if (g.grouped() && g.averageCostFen() <= 0) {
            throw new DomainException(CasePayError.INVALID_CASE, "group.average_cost", "group.average_cost: group "
                    + g.code() + " has no average cost to compare the case's cost with");
        }
    }
}
