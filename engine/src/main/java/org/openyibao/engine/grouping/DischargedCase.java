package org.openyibao.engine.grouping;

import java.util.List;

/**
 * A discharged inpatient case as a grouper reads it (docs/grouping.md): the medical-record front page's diagnoses and
 * procedures, the patient's age and sex, the stay, and its cost. Codes are ICD-10 (diagnoses) and ICD-9-CM-3
 * (procedures) as the table version spells them.
 *
 * @param principalDiagnosis the main discharge diagnosis ({@code dscg_maindiag_code}, {@code maindiag_flag} = 1)
 * @param secondaryDiagnoses the other diagnoses, in the front page's order
 * @param procedures the operations and procedures, the main one first
 * @param ageYears whole years at admission
 * @param ageDays days of age at admission when under one year, else 0
 * @param lengthOfStay days in hospital (discharge date − admission date, at least 1)
 * @param birthWeightGrams a newborn's birth weight, 0 when not a newborn
 * @param costFen the stay's total cost in fen (in scope and out)
 */
public record DischargedCase(String caseId, String principalDiagnosis, List<String> secondaryDiagnoses,
                             List<String> procedures, int ageYears, int ageDays, Sex sex, int lengthOfStay,
                             DischargeType dischargeType, int birthWeightGrams, long costFen) {
    public DischargedCase {
        secondaryDiagnoses = List.copyOf(secondaryDiagnoses);
        procedures = List.copyOf(procedures);
    }
}
