package org.openyibao.sim.population;

import java.util.List;

import org.openyibao.engine.grouping.DischargeType;

/**
 * An admission's medical-record front page beyond its principal diagnosis (docs/sim.md#clinical-detail): what a DRG or
 * DIP grouper reads. Outpatient and pharmacy visits, and visits read from a run written before generator 3, have
 * {@link #NONE}.
 *
 * @param secondaryDiagnoses the other diagnoses (ICD-10), in the front page's order
 * @param procedures the operations and procedures (ICD-9-CM-3), the main one first
 * @param dischargeType how the patient left hospital (national 离院方式)
 * @param birthWeightGrams a newborn's birth weight, 0 otherwise
 * @param ageDays the patient's age in days at admission when under one year, else 0
 */
public record Clinical(List<String> secondaryDiagnoses, List<String> procedures, DischargeType dischargeType,
                       int birthWeightGrams, int ageDays) {
    /** No clinical detail: not an admission, or a run from before generator 3. */
    public static final Clinical NONE = new Clinical(List.of(), List.of(), DischargeType.OTHER, 0, 0);

    public Clinical {
        secondaryDiagnoses = List.copyOf(secondaryDiagnoses);
        procedures = List.copyOf(procedures);
    }
}
