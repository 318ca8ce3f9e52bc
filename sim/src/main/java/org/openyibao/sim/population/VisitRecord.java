package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.List;

import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Visit;

/** One visit of the year (docs/sim.md, table {@code visits/}); {@code days} is the length of stay, 0 unless inpatient. */
public record VisitRecord(long visitId, long personId, long householdId, LocalDate date, VisitType type, Level level,
                          String institutionCode, String diagnosis, int days, EmergencyCase emergencyCase,
                          List<LineRecord> lines) {

    /** The engine's view of this visit. */
    public Visit visit() {
        FeeLine[] fee = new FeeLine[lines.size()];
        for (int i = 0; i < fee.length; i++) fee[i] = lines.get(i).feeLine();
        return new Visit(date, type, level, diagnosis == null ? new String[0] : new String[] {diagnosis}, emergencyCase,
                fee);
    }
}
