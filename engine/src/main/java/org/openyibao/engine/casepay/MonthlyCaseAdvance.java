package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CaseAdvanceRules;

/**
 * What the fund pays a hospital for the cases it cleared in a month (docs/case-payment.md#monthly-advances), in fen:
 * <ul>
 * <li>cases paid by fee (emergency, no group): the fund's share of their cost, in full ({@code byFeeDueFen});</li>
 * <li>the other cases: their estimated total (DRG payments, or DIP points × the estimated point value), less their
 *     patients' share, is the estimated due; {@code advance.share} of it is advanced ({@code advanceFen}), the rest
 *     waits for the year-end ({@link DrgYearEnd}, {@link DipYearEnd}), which counts these cases only.</li>
 * </ul>
 * Each product is rounded half-up once; a negative estimated due advances nothing.
 */
public record MonthlyCaseAdvance(int cases, int byFeeCases, long byFeeDueFen, long pointsPpm, long estimatedFen,
                                 long patientShareFen, long estimatedDueFen, long advanceFen, List<CasePaymentStep> steps) {
    public MonthlyCaseAdvance {
        steps = List.copyOf(steps);
    }

    /** What the fund pays for a hospital's month of {@code cases} under {@code rules}. */
    public static MonthlyCaseAdvance of(List<PaidCase> cases, CaseAdvanceRules rules) {
        int byFee = 0;
        long byFeeDue = 0;
        long drg = 0;
        long points = 0;
        long patients = 0;
        for (PaidCase c : cases) {
            CasePayment p = c.payment();
            if (p.kind().byFee()) {
                byFee++;
                byFeeDue += Math.max(0, p.paymentFen() - c.patientShareFen());
                continue;
            }
            drg = Math.addExact(drg, p.paymentFen());
            points = Math.addExact(points, p.pointsPpm());
            patients = Math.addExact(patients, c.patientShareFen());
        }
        long value = rules.dipPointValue().fen();
        long estimated = drg + Points.mulDiv(points, value, Money.PPM);
        long due = estimated - patients;
        long advance = applyRatio(Math.max(0, due), rules.share().ppm());
        List<CasePaymentStep> steps = new ArrayList<>();
        steps.add(new CasePaymentStep("cases paid by fee", byFee + " cases paid by fee: the fund pays its share "
                + format(byFeeDue) + " in full", List.of()));
        String estimate = points == 0 ? format(drg) + " paid by DRG"
                : (drg == 0 ? "" : format(drg) + " paid by DRG + ") + Points.format(points) + " points × " + format(value)
                + " (the estimated point value) = " + format(estimated);
        steps.add(new CasePaymentStep("monthly advance", (cases.size() - byFee) + " cases: " + estimate + " estimated; − "
                + format(patients) + " patients' share = " + format(due) + "; advanced × " + formatRatio(rules.share().ppm())
                + " = " + format(advance), List.of(rules.share().cited(), rules.dipPointValue().cited())));
        return new MonthlyCaseAdvance(cases.size(), byFee, byFeeDue, points, estimated, patients, due, advance, steps);
    }
}
