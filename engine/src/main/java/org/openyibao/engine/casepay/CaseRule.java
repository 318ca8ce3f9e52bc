package org.openyibao.engine.casepay;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * One rule of case payment, in the domain's words (docs/case-payment.md): it pays the case, or says it does not apply
 * by returning null, and the next rule is asked. {@link DrgCasePayment} and {@link DipCaseScore} list them in order.
 */
interface CaseRule {
    /** A short name a hospital clerk recognises ("high-cost outlier"). */
    String name();

    /** The case's payment under this rule, or null when the rule does not apply to it. */
    CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method);
}
