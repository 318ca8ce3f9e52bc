package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.format;

import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.Method;

/**
 * A hospital's DRG year-end (docs/case-payment.md#year-end), in fen: its final is the sum of its cases' payments,
 * less what its patients paid of those cases (the fund's due), less what the fund advanced (the balance: positive the
 * fund pays it, negative it recovers it). Cases paid by fee (emergency, no group) were paid in full month by month
 * ({@link MonthlyCaseAdvance}) and are left out. Cases still waiting for special review count at their provisional
 * standard and are counted in {@code pendingReviews}.
 *
 * @param cases the cases counted (paid by the DRG rules)
 * @param patientShareFen the patients' share of the cases counted
 */
public record DrgYearEnd(String hospital, int cases, long finalFen, long patientShareFen, long fundDueFen,
                         long advancedFen, long balanceFen, int pendingReviews, CasePaymentStep step) {

    public static DrgYearEnd of(String hospital, List<CasePayment> payments, long patientShareFen, long advancedFen) {
        if (patientShareFen < 0) throw DipHospitalYear.invalid("patient_share", patientShareFen + " fen is negative");
        if (advancedFen < 0) throw DipHospitalYear.invalid("advanced", advancedFen + " fen is negative");
        long total = 0;
        int pending = 0;
        int counted = 0;
        for (CasePayment p : payments) {
            if (p.method() != Method.DRG) {
                throw new DomainException(CasePayError.WRONG_METHOD, "payments",
                        "payments: case " + p.caseId() + " was paid by " + p.method() + ", not DRG");
            }
            if (p.kind().byFee()) continue;
            counted++;
            total = Math.addExact(total, p.paymentFen());
            if (p.pendingReview()) pending++;
        }
        long due = total - patientShareFen;
        long balance = due - advancedFen;
        CasePaymentStep step = new CasePaymentStep("DRG year-end", counted + " cases paid " + format(total)
                + " − patients' share " + format(patientShareFen) + " = " + format(due) + " due from the fund; − advanced "
                + format(advancedFen) + " = " + format(balance) + (balance >= 0 ? ": the fund pays " + format(balance)
                : ": the fund recovers " + format(-balance)) + (pending > 0 ? "; " + pending
                + " cases still wait for special review, counted at their standard" : ""), List.of());
        return new DrgYearEnd(hospital, counted, total, patientShareFen, due, advancedFen, balance, pending, step);
    }
}
