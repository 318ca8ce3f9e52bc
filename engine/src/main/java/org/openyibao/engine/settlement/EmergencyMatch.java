package org.openyibao.engine.settlement;

import java.util.List;

import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Rules;

/**
 * The declared public-health emergency a visit is a case of (REFERENCE §7), and whether the case is
 * confirmed or suspected: by the visit's flag, else by its diagnoses (a confirmed code wins).
 */
record EmergencyMatch(Declaration declaration, boolean confirmed) {

    /** The visit's emergency case, or null when it is none (at once when no declaration covers the region). */
    static EmergencyMatch find(Rules rules, Visit visit) {
        List<Declaration> declared = rules.emergenciesInRegion();
        for (int i = 0; i < declared.size(); i++) {
            Declaration d = declared.get(i);
            if (visit.emergencyCase() != EmergencyCase.NONE) {
                return new EmergencyMatch(d, visit.emergencyCase() == EmergencyCase.CONFIRMED);
            }
            EmergencyMatch byDiagnosis = byDiagnosis(d, visit.diagnoses());
            if (byDiagnosis != null) return byDiagnosis;
        }
        return null;
    }

    /** A confirmed case if any diagnosis is a confirmed code, else suspected if any is a suspected code, else null. */
    private static EmergencyMatch byDiagnosis(Declaration d, String[] diagnoses) {
        boolean suspected = false;
        for (String dx : diagnoses) {
            if (d.confirmedCodes().contains(dx)) return new EmergencyMatch(d, true);
            if (d.suspectedCodes().contains(dx)) suspected = true;
        }
        return suspected ? new EmergencyMatch(d, false) : null;
    }
}
