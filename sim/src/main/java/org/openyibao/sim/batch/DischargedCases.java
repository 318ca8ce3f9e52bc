package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.population.Clinical;
import org.openyibao.sim.population.LineRecord;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * A generated admission as a grouper reads it (docs/sim.md#case-payment): its front page (generator 3's clinical
 * detail), the patient's age at admission and sex, the stay and its cost (the sum of its fee lines).
 */
public final class DischargedCases {
    private DischargedCases() {}

    /** Whether the visit is a case to group: an admission. */
    public static boolean isCase(VisitRecord v) {
        return v.type() == VisitType.INPATIENT;
    }

    /** The discharge date: admission plus the length of stay. */
    public static LocalDate discharge(VisitRecord v) {
        return v.date().plusDays(Math.max(0, v.days()));
    }

    public static long costFen(VisitRecord v) {
        long sum = 0;
        for (LineRecord l : v.lines()) sum += l.amountFen();
        return sum;
    }

    public static DischargedCase of(Member m, VisitRecord v) {
        Clinical c = v.clinical();
        int years = (int) Math.max(0, ChronoUnit.YEARS.between(m.birthDate(), v.date()));
        int days = years == 0 ? c.ageDays() : 0;
        return new DischargedCase(Long.toString(v.visitId()), v.diagnosis(), c.secondaryDiagnoses(), c.procedures(),
                years, days, Sex.of(m.sex()), Math.max(1, v.days()), c.dischargeType(), c.birthWeightGrams(), costFen(v));
    }
}
