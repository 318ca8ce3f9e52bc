package org.openyibao.platform.settlement;

import java.time.LocalDate;

/** What the registry says about a person on a visit date, as the engine needs it. */
record Coverage(Long enrolmentId, String scheme, String admdvs, String policyPack, String employment,
                int contributionLevel, LocalDate contributionsSince, String category, boolean arrears) {

    static Coverage uninsured(String admdvs, String policyPack) {
        return new Coverage(null, null, admdvs, policyPack, "in_service", 1, null, "general", false);
    }

    boolean insured() {
        return enrolmentId != null;
    }
}
