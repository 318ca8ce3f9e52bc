package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Cited;

/**
 * A DIP case costing more than {@code dip.high_deviation.threshold} × its group's average cost scores
 * (cost ÷ average − 1) × the group's score (DIP 2020), at most {@code dip.score_cap} × the score (the region's cap on
 * extreme cases). The points are rounded half-up to the millionth once.
 */
final class HighCostDeviation implements CaseRule {
    @Override
    public String name() {
        return "DIP high-cost deviation";
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long average = c.group().averageCostFen();
        int threshold = rules.dipHighThreshold().ppm();
        if (!Points.above(c.costFen(), average, threshold)) return null;
        long score = c.group().scorePpm();
        long points = Points.mulDiv(c.costFen() - average, score, average);
        long cap = Points.mulDiv(score, rules.dipScoreCap().ppm(), Money.PPM);
        boolean capped = points > cap;
        List<Cited> used = new ArrayList<>(List.of(rules.dipHighThreshold().cited()));
        if (capped) used.add(rules.dipScoreCap().cited());
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(new CasePaymentStep(name(), "cost " + format(c.costFen()) + " is " + Points.ratio(c.costFen(), average)
                + " × the average " + format(average) + ", above " + formatRatio(threshold) + "; points = ("
                + format(c.costFen()) + " ÷ " + format(average) + " − 1) × " + Points.format(score) + " = "
                + Points.format(points) + (capped ? ", capped at " + formatRatio(rules.dipScoreCap().ppm()) + " × "
                + Points.format(score) + " = " + Points.format(cap) : ""), used));
        return new CasePayment(c.caseId(), CasePayment.Kind.HIGH_OUTLIER, method, c.group().code(), 0,
                capped ? cap : points, false, steps);
    }
}
