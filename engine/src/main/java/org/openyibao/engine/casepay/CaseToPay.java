package org.openyibao.engine.casepay;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * A discharged inpatient case to be paid to its hospital (docs/case-payment.md): what the grouper made of it, its
 * total cost, where and how long the patient stayed, how the stay ended, whether it was an emergency or epidemic case,
 * and the patient's scheme (DIP point values may be set apart by scheme).
 *
 * @param caseId the case's id, shown in traces and reports
 * @param group the grouper's result (DRG for {@link DrgCasePayment}, DIP for {@link DipCaseScore})
 * @param costFen the stay's total cost in fen (the fund's and the patient's shares together)
 * @param level the hospital's level (the DRG level coefficient)
 * @param lengthOfStay days in hospital
 * @param dischargeType how the stay ended; no Zhanjiang rule reads it yet (a region that treats a death or a transfer
 *                      apart from a low-cost outlier would), a missing one is {@link DischargeType#OTHER}
 * @param emergency an emergency or epidemic case (He 2020, §4: treatment is not held back by the payment method)
 */
public record CaseToPay(String caseId, GroupResult group, long costFen, Level level, int lengthOfStay,
                        DischargeType dischargeType, boolean emergency, Scheme scheme) {
    public CaseToPay {
        if (group == null) throw invalid("group", "the case has no group result: group it first");
        if (costFen < 0) throw invalid("cost", costFen + " fen is negative; a case's cost is 0 or more");
        if (level == null) throw invalid("level", "the hospital's level is missing");
        if (lengthOfStay < 0) throw invalid("length_of_stay", lengthOfStay + " days is negative");
        if (dischargeType == null) dischargeType = DischargeType.OTHER;
        if (scheme == null) throw invalid("scheme", "the patient's scheme (employee or resident) is missing");
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(CasePayError.INVALID_CASE, field, field + ": " + message);
    }
}
