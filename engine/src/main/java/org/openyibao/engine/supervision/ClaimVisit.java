package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * A claimed visit as supervision screens it (docs/supervision.md#model): who, where, which scheme, which scene, when,
 * the diagnoses (ICD-10) and the lines. An outpatient visit or a pharmacy purchase has its day as both admission and
 * discharge. Amounts are in fen.
 *
 * @param crossRegion true when the institution is outside the insured's pooling region (异地就医)
 * @param otherDiagnoses the secondary diagnoses, in the order coded
 * @param accountPaidFen what the individual account paid of the visit, in fen
 */
public record ClaimVisit(String id, String personId, Sex sex, int age, String institutionId, Level level,
                         Scheme scheme, Scene scene, boolean crossRegion, LocalDate admission, LocalDate discharge,
                         String principalDiagnosis, List<String> otherDiagnoses, List<ClaimLine> lines,
                         long accountPaidFen) {
    public ClaimVisit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(institutionId, "institutionId");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(discharge, "discharge");
        if (discharge.isBefore(admission)) throw new IllegalArgumentException("discharge before admission on visit " + id);
        principalDiagnosis = principalDiagnosis == null ? "" : principalDiagnosis;
        otherDiagnoses = List.copyOf(otherDiagnoses == null ? List.of() : otherDiagnoses);
        lines = List.copyOf(lines == null ? List.of() : lines);
    }

    /** True for an inpatient stay. */
    public boolean stay() {
        return scene == Scene.INPATIENT;
    }

    /** The length of stay in days, counted as the discharge date minus the admission date (0 for a day visit). */
    public long lengthOfStay() {
        return ChronoUnit.DAYS.between(admission, discharge);
    }

    /** The principal diagnosis, then the others. */
    public List<String> diagnoses() {
        List<String> all = new ArrayList<>();
        if (!principalDiagnosis.isEmpty()) all.add(principalDiagnosis);
        all.addAll(otherDiagnoses);
        return all;
    }

    /** True when one of the diagnoses starts with one of the ICD-10 prefixes. */
    public boolean hasDiagnosis(List<String> prefixes) {
        for (String d : diagnoses()) for (String p : prefixes) if (d.startsWith(p)) return true;
        return false;
    }
}
