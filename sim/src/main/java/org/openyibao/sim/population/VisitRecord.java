package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.List;

import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Visit;

/**
 * One visit of the year (docs/sim.md, table {@code visits/}); {@code days} is the length of stay, 0 unless inpatient;
 * {@code diagnosis} is the principal diagnosis and {@code clinical} the rest of an admission's front page
 * ({@link Clinical#NONE} for other visits).
 */
public record VisitRecord(long visitId, long personId, long householdId, LocalDate date, VisitType type, Level level,
                          String institutionCode, String diagnosis, int days, EmergencyCase emergencyCase,
                          List<LineRecord> lines, Clinical clinical) {

    public VisitRecord {
        if (clinical == null) clinical = Clinical.NONE;
    }

    /** A visit with no clinical detail beyond its diagnosis. */
    public VisitRecord(long visitId, long personId, long householdId, LocalDate date, VisitType type, Level level,
                       String institutionCode, String diagnosis, int days, EmergencyCase emergencyCase,
                       List<LineRecord> lines) {
        this(visitId, personId, householdId, date, type, level, institutionCode, diagnosis, days, emergencyCase, lines,
                Clinical.NONE);
    }

    /** This visit with {@code c} as its clinical detail. */
    public VisitRecord with(Clinical c) {
        return new VisitRecord(visitId, personId, householdId, date, type, level, institutionCode, diagnosis, days,
                emergencyCase, lines, c);
    }

    /** The engine's view of this visit. */
    public Visit visit() {
        FeeLine[] fee = new FeeLine[lines.size()];
        for (int i = 0; i < fee.length; i++) fee[i] = lines.get(i).feeLine();
        return new Visit(date, type, level, diagnosis == null ? new String[0] : new String[] {diagnosis}, emergencyCase,
                fee);
    }
}
