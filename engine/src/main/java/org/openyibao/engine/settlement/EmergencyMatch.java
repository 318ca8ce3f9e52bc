package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Rules;

/**
 * The declared public-health emergency a visit is a case of (REFERENCE §7), and whether the case is
 * confirmed or suspected: by the visit's flag, else by its diagnoses (a confirmed code wins).
 */
record EmergencyMatch(Declaration declaration, boolean confirmed) {

    /** The visit's emergency case, or null when it is none. */
    static EmergencyMatch find(Rules rules, Visit visit) {
        for (Declaration d : rules.emergencies) {
            if (!appliesIn(d, rules.admdvs)) continue;
            if (visit.emergencyCase() != EmergencyCase.NONE) {
                return new EmergencyMatch(d, visit.emergencyCase() == EmergencyCase.CONFIRMED);
            }
            boolean suspected = false;
            for (String dx : visit.diagnoses()) {
                if (d.confirmedCodes().contains(dx)) return new EmergencyMatch(d, true);
                if (d.suspectedCodes().contains(dx)) suspected = true;
            }
            if (suspected) return new EmergencyMatch(d, false);
        }
        return null;
    }

    private static boolean appliesIn(Declaration d, String admdvs) {
        return d.regions().contains("all") || (admdvs != null && d.regions().contains(admdvs));
    }
}
