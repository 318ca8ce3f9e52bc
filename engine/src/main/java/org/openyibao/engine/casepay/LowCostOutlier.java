package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * A DRG case costing less than {@code drg.low_outlier.threshold} × its group's average cost is a low-cost outlier:
 * it is paid {@code drg.low_outlier.cost_ratio} of its cost, by fee, instead of the standard (DECISION,
 * docs/decisions.md#case-payment-outliers), so that a cheap stay does not earn a full case.
 */
final class LowCostOutlier implements CaseRule {
    @Override
    public String name() {
        return "low-cost outlier";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long average = c.group().averageCostFen();
        int threshold = rules.lowOutlierThreshold().ppm();
        if (!Points.below(c.costFen(), average, threshold)) return null;
        int share = rules.lowOutlierCostRatio().ppm();
        long paid = applyRatio(c.costFen(), share);
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "cost " + format(c.costFen()) + " is below " + formatRatio(threshold)
                + " × the average " + format(average) + " = " + format(applyRatio(average, threshold)) + "; paid "
                + format(c.costFen()) + " × " + formatRatio(share) + " = " + format(paid) + " by fee instead of the standard",
                List.of(rules.lowOutlierThreshold().cited(), rules.lowOutlierCostRatio().cited())));
        return new CasePayment(c.caseId(), CasePayment.Kind.LOW_OUTLIER, method, c.group().code(), paid, 0, false, steps);
    }
}
