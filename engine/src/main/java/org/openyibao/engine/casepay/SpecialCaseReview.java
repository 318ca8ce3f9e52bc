package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * Special review (特例单议): a case costing more than {@code special_review.cost_multiple} × its group's average, or
 * staying longer than {@code special_review.length_of_stay} days, is sent to the agency's experts. Until they decide
 * it is paid its group's standard (DRG) or score (DIP) provisionally; {@link CasePayment#afterReview} pays what they
 * decide.
 */
final class SpecialCaseReview implements CaseRule {
    @Override
    public String name() {
        return "special review";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        GroupResult g = c.group();
        int multiple = rules.specialReviewCostMultiple().ppm();
        boolean costly = Points.above(c.costFen(), g.averageCostFen(), multiple);
        boolean longStay = c.lengthOfStay() > rules.specialReviewLengthOfStay();
        if (!costly && !longStay) return null;
        List<CasePaymentStep> steps = Steps.start(c);
        String why = costly
                ? "its cost is " + Points.ratio(c.costFen(), g.averageCostFen()) + " × the group's average, above "
                + Money.formatRatio(multiple)
                : "its stay of " + c.lengthOfStay() + " days is longer than " + rules.specialReviewLengthOfStay();
        boolean drg = method == Method.DRG;
        long provisional = drg ? DrgStandard.standardFen(c, rules) : g.scorePpm();
        steps.add(new CasePaymentStep(name(), "sent to special review (特例单议): " + why + "; until the review it is paid"
                + " the group's " + (drg ? "standard " + Money.format(provisional) : "score " + Points.format(provisional)
                + " points"), costly ? List.of(rules.specialReviewCostMultiple().cited())
                : List.of(rules.specialReviewLengthCited())));
        return new CasePayment(c.caseId(), CasePayment.Kind.SPECIAL_REVIEW, method, g.code(), drg ? provisional : 0,
                drg ? 0 : provisional, true, steps);
    }
}
