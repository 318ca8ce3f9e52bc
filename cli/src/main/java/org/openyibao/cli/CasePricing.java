package org.openyibao.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.CasePaymentStep;
import org.openyibao.engine.casepay.CaseToPay;
import org.openyibao.engine.casepay.DipCaseScore;
import org.openyibao.engine.casepay.DrgCasePayment;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * What {@code yibao group --region} prints after a case's grouping: its payment under the region's case-payment rules
 * (docs/case-payment.md), a DRG case in yuan, a DIP case in points whose money value the year-end fixes, each with the
 * rules' steps. The case is paid by the method of the table that grouped it, whatever the region pays by that day, so
 * that a region can compare; a line says so when the two differ.
 */
record CasePricing(CasePaymentRules rules, Level level, Scheme scheme, boolean emergency) {
    /** No payment printed (no --region, or a region without case-payment rules). */
    static final CasePricing NONE = new CasePricing(null, null, null, false);

    List<String> lines(DischargedCase c, GroupResult r) {
        if (rules == null) return List.of();
        CaseToPay toPay = new CaseToPay(c.caseId(), r, c.costFen(), level, c.lengthOfStay(), c.dischargeType(),
                emergency, scheme);
        CasePayment p = r.method() == Method.DIP ? DipCaseScore.of(toPay, rules) : DrgCasePayment.of(toPay, rules);
        List<String> out = new ArrayList<>();
        out.add("payment: " + p.kind() + ", " + amount(p) + (p.pendingReview() ? " (provisional, until its special review)" : ""));
        for (CasePaymentStep s : p.trace()) out.add("  " + s.rule() + ": " + s.explanation());
        if (rules.method() != r.method()) {
            out.add("  note: on this day the region pays inpatient cases "
                    + (rules.feeForService() ? "by fee for service" : "by " + rules.method().name())
                    + "; shown as " + r.method().name() + " would pay it");
        }
        return out;
    }

    private static String amount(CasePayment p) {
        if (p.method() == Method.DIP && !p.kind().byFee()) {
            return BigDecimal.valueOf(p.pointsPpm(), 6).stripTrailingZeros().toPlainString()
                    + " points (their money value is fixed at the year-end)";
        }
        return Money.format(p.paymentFen()) + " yuan";
    }
}
