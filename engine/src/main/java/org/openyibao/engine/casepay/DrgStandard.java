package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Ratio;

/**
 * A DRG case near its group's average cost is paid the group's standard: relative weight (CHS-DRG 1.1's groups) ×
 * base rate × the hospital level's coefficient, rounded half-up to the fen once.
 */
final class DrgStandard implements CaseRule {
    @Override
    public String name() {
        return "DRG standard";
    }

    /** weight × base rate × level coefficient, half-up to the fen. */
    static long standardFen(CaseToPay c, CasePaymentRules rules) {
        long base = rules.drgBaseRate().fen();
        int coefficient = rules.levelCoefficient(c.level()).ppm();
        return Points.mulMulDiv(c.group().weightPpm(), base, coefficient, (long) Money.PPM * Money.PPM);
    }

    /** The step that shows the standard's arithmetic. */
    static CasePaymentStep explain(CaseToPay c, CasePaymentRules rules, long standard) {
        Ratio coefficient = rules.levelCoefficient(c.level());
        return new CasePaymentStep("DRG standard", "standard = weight " + Points.format(c.group().weightPpm())
                + " × base rate " + Money.format(rules.drgBaseRate().fen()) + " × " + c.level().key + " coefficient "
                + Money.formatRatio(coefficient.ppm()) + " = " + Money.format(standard),
                List.of(rules.drgBaseRate().cited(), coefficient.cited()));
    }

    @Override
    public CasePayment pay(CaseToPay c, CasePaymentRules rules, Method method) {
        long standard = standardFen(c, rules);
        List<CasePaymentStep> steps = Steps.start(c);
        steps.add(explain(c, rules, standard));
        return new CasePayment(c.caseId(), CasePayment.Kind.STANDARD, method, c.group().code(), standard, 0, false, steps);
    }
}
