package org.openyibao.platform.enrolment;

import java.time.LocalDate;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;

/**
 * What a person's enrolment says on one day, for settlement: the scheme and region (with its policy
 * pack), the employee's payment mode and employment, the resident's contribution level, the day
 * contributions started (the waiting period counts from it), the poverty category in force
 * ({@link Category#GENERAL} when none) and whether benefits are suspended for arrears that day.
 * {@code paymentMode} and {@code employerCode} are null for residents.
 */
public record Coverage(long enrolmentId, long personId, Scheme scheme, String admdvs, String policyPack, PaymentMode paymentMode,
                       String employerCode, Employment employment, Contribution contributionLevel, LocalDate validFrom,
                       LocalDate validUntil, LocalDate contributionsSince, Category category, boolean suspendedForArrears,
                       LocalDate birthDate) {

    /** The engine's view of the person on that day (insured; in arrears when suspended). */
    public org.openyibao.engine.settlement.Person enginePerson() {
        return new org.openyibao.engine.settlement.Person(scheme, category, employment, birthDate, contributionsSince,
                contributionLevel, true, suspendedForArrears);
    }
}
