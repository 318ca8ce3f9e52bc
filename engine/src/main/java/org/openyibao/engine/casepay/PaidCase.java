package org.openyibao.engine.casepay;

/**
 * A case's payment with what its patient paid of the cost (the deductible, co-payment and self-pay the settlement
 * left to the patient): the fund owes the hospital the payment less this share.
 */
public record PaidCase(CasePayment payment, long patientShareFen) {
    public PaidCase {
        if (payment == null) throw DipHospitalYear.invalid("payment", "the case's payment is missing");
        if (patientShareFen < 0) throw DipHospitalYear.invalid("patient_share", patientShareFen + " fen is negative");
    }
}
