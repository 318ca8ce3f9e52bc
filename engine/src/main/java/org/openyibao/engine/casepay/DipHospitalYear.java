package org.openyibao.engine.casepay;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.policy.Scheme;

/**
 * One hospital's DIP year for one scheme, as the year-end reads it (docs/case-payment.md#year-end): the points of its
 * DIP-scored cases (in millionths), what its patients paid of those cases, and what the fund advanced to it.
 */
public record DipHospitalYear(String hospital, Scheme scheme, long pointsPpm, long patientShareFen, long advancedFen) {
    public DipHospitalYear {
        if (hospital == null || hospital.isBlank()) throw invalid("hospital", "the hospital's id is missing");
        if (scheme == null) throw invalid("scheme", "the scheme (employee or resident) is missing");
        if (pointsPpm < 0) throw invalid("points", pointsPpm + " is negative");
        if (patientShareFen < 0) throw invalid("patient_share", patientShareFen + " fen is negative");
        if (advancedFen < 0) throw invalid("advanced", advancedFen + " fen is negative");
    }

    static DomainException invalid(String field, String message) {
        return new DomainException(CasePayError.INVALID_CASE, field, field + ": " + message);
    }
}
