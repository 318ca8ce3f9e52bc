package org.openyibao.sim.batch;

import java.time.LocalDate;

/**
 * One inpatient case of the batch year as paid (docs/sim.md#case-payment, table {@code cases/}): the fund's and the
 * patient's shares of its cost as settled (fee for each service), and what the method made of it. A DIP case's money
 * is fixed only at the year-end (its points × the point value), so {@code paymentFen} is 0 for it.
 *
 * @param fundFen the basic pooling fund's payment as settled ({@code hifp_pay}): what fee-for-service has the fund pay
 * @param patientShareFen the rest of the cost (the patient, and the other funds and insurers): unchanged by the method
 * @param kind the rule that paid it (STANDARD, HIGH_OUTLIER, LOW_OUTLIER, EMERGENCY_OUTSIDE, NO_GROUP,
 *             SPECIAL_REVIEW), or FEE_FOR_SERVICE
 */
public record PaidCase(long caseId, long personId, String institution, String level, String scheme, LocalDate discharge,
                       int days, String method, String version, String outcome, String group, long weightPpm,
                       long costFen, long fundFen, long patientShareFen, String kind, long paymentFen, long pointsPpm) {}
