package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;

/**
 * A DRG case costing more than {@code drg.high_outlier.threshold} × its group's average cost is a high-cost outlier:
 * it is paid the standard plus {@code drg.high_outlier.excess_ratio} of its cost above that line (DECISION,
 * docs/decisions.md#case-payment-outliers). The line and the excess share are each rounded half-up once.
 */
final class HighCostOutlier implements CaseRule {
    @Override
    public String name() {
        return "high-cost outlier";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long average = c.group().averageCostFen();
        int threshold = rules.highOutlierThreshold().ppm();
        if (!Points.above(c.costFen(), average, threshold)) return null;
        long standard = DrgStandard.standardFen(c, rules);
        long line = applyRatio(average, threshold);
        int share = rules.highOutlierExcessRatio().ppm();
        long extra = applyRatio(Math.max(0, c.costFen() - line), share);
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(DrgStandard.explain(c, rules, standard));
        steps.add(new CasePaymentStep(name(), "cost " + format(c.costFen()) + " is above " + formatRatio(threshold)
                + " × the average " + format(average) + " = " + format(line) + "; paid the standard + ("
                + format(c.costFen()) + " − " + format(line) + ") × " + formatRatio(share) + " = " + format(standard)
                + " + " + format(extra) + " = " + format(standard + extra),
                List.of(rules.highOutlierThreshold().cited(), rules.highOutlierExcessRatio().cited())));
        return new CasePayment(c.caseId(), CasePayment.Kind.HIGH_OUTLIER, method, c.group().code(), standard + extra, 0,
                false, steps);
    }
}
