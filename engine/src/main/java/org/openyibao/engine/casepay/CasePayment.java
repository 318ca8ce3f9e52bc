package org.openyibao.engine.casepay;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;

/**
 * How one case is paid to its hospital (docs/case-payment.md): by which rule ({@link Kind}), how much in fen (DRG, and
 * every case paid by fee), or how many points (DIP, in millionths; their money value is fixed at the year-end by
 * {@link DipYearEnd}), with the steps that led there. The patient's share is not changed by the method: this is what
 * the hospital earns for the case, of which the fund owes what the patient did not pay.
 *
 * @param method the method that paid it (DRG or DIP)
 * @param group the DRG or DIP group code, null when the case has none
 * @param paymentFen the DRG payment, or the cost paid by fee; 0 for a DIP case paid in points
 * @param pointsPpm the DIP case's points in millionths; 0 for DRG and for a case paid by fee
 * @param pendingReview a special-review case still waiting for its review: the amount or points are the group's
 *                      standard, provisionally
 */
public record CasePayment(String caseId, Kind kind, Method method, String group, long paymentFen, long pointsPpm,
                          boolean pendingReview, List<CasePaymentStep> trace) {

    /** The rule that paid the case. */
    public enum Kind {
        STANDARD, HIGH_OUTLIER, LOW_OUTLIER, EMERGENCY_OUTSIDE, NO_GROUP, SPECIAL_REVIEW;

        /** Whether a case of this kind is paid its cost by fee, outside the case-based method. */
        public boolean byFee() {
            return this == EMERGENCY_OUTSIDE || this == NO_GROUP;
        }

        /** Whether the case is far from its group's average cost (an outlier, a deviation, a special review). */
        public boolean outlier() {
            return this == HIGH_OUTLIER || this == LOW_OUTLIER || this == SPECIAL_REVIEW;
        }
    }

    public CasePayment {
        trace = List.copyOf(trace);
    }

    /**
     * The case after its special review (特例单议): paid {@code reviewed} (fen for DRG, points in millionths for DIP)
     * instead of the provisional standard, with the reviewer's reason in the trace.
     */
    public CasePayment afterReview(long reviewed, String because) {
        if (kind != Kind.SPECIAL_REVIEW || !pendingReview) {
            throw new DomainException(CasePayError.NOT_UNDER_REVIEW, "case_id",
                    "case " + caseId + " is not waiting for special review (it was paid as " + kind + ")");
        }
        if (reviewed < 0) {
            throw new DomainException(CasePayError.INVALID_CASE, "reviewed", "reviewed: " + reviewed + " is negative");
        }
        List<CasePaymentStep> steps = new ArrayList<>(trace);
        boolean drg = method == Method.DRG;
        steps.add(new CasePaymentStep("special review decided", "after review the case is paid "
                + (drg ? Money.format(reviewed) : Points.format(reviewed) + " points") + ": " + because, List.of()));
        return new CasePayment(caseId, kind, method, group, drg ? reviewed : 0, drg ? 0 : reviewed, false, steps);
    }
}
