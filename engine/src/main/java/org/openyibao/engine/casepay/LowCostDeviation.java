package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * A DIP case costing less than {@code dip.low_deviation.threshold} × its group's average cost scores cost ÷ average ×
 * the group's score (DIP 2020), rounded half-up to the millionth once.
 */
final class LowCostDeviation implements CaseRule {
    @Override
    public String name() {
        return "DIP low-cost deviation";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long average = c.group().averageCostFen();
        int threshold = rules.dipLowThreshold().ppm();
        if (!Points.below(c.costFen(), average, threshold)) return null;
        long score = c.group().scorePpm();
        long points = Points.mulDiv(c.costFen(), score, average);
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "cost " + format(c.costFen()) + " is below " + formatRatio(threshold)
                + " × the average " + format(average) + "; points = " + format(c.costFen()) + " ÷ " + format(average)
                + " × " + Points.format(score) + " = " + Points.format(points), List.of(rules.dipLowThreshold().cited())));
        return new CasePayment(c.caseId(), CasePayment.Kind.LOW_OUTLIER, method, c.group().code(), 0, points, false, steps);
    }
}
