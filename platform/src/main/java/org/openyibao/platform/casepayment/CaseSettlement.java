package org.openyibao.platform.casepayment;

import org.springframework.stereotype.Service;

/**
 * Groups a settled case with the table version in force and pays it by the method in force for its region
 * (docs/hospital-payment.md#case-based-payment-on-the-platform). A grouping problem never fails the patient's
 * settlement: the case is stored as ungroupable and paid by fee.
 */
@Service
public class CaseSettlement {
    /** Groups and pays the settled case {@code mdtrtId} (its row is in discharged_case, status settled). */
    public void groupAndPay(String mdtrtId) {
        // wired to the engine's groupers and case payment rules once they are on main (issue 14, helpers A and B)
    }
}
