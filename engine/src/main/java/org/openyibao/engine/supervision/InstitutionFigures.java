package org.openyibao.engine.supervision;

import org.openyibao.engine.policy.Level;

/**
 * One institution's year as the peer comparison reads it: its cases, what they cost and what the funds paid, how many
 * of its visits were admissions.
 *
 * @param region the pooling region (a 6-digit admdvs code); peers share region and level
 * @param cases the settled cases (visits and stays)
 * @param admissions of those, the inpatient stays
 */
public record InstitutionFigures(String id, String region, Level level, long cases, long costFen, long reimbursedFen,
                                 long admissions) {
    /** Cost per case in fen, half-up; 0 without cases. */
    public long costPerCaseFen() {
        return cases == 0 ? 0 : Math.floorDiv(2 * costFen + cases, 2 * cases);
    }

    /** Reimbursed share of cost in millionths, half-up; 0 without cost. */
    public long reimbursementRatioPpm() {
        return costFen == 0 ? 0 : Math.floorDiv(2 * reimbursedFen * 1_000_000L + costFen, 2 * costFen);
    }

    /** Admissions per case in millionths, half-up; 0 without cases. */
    public long admissionRatePpm() {
        return cases == 0 ? 0 : Math.floorDiv(2 * admissions * 1_000_000L + cases, 2 * cases);
    }
}
