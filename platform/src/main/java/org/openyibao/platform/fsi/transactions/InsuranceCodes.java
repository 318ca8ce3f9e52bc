package org.openyibao.platform.fsi.transactions;

import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;

/**
 * How the interface names a person's cover (INTERFACE §3): {@code insutype} and {@code psn_type}, decided here once
 * from the enrolment's scheme and employment, so that 1101 and every settlement reply (2206/2207/2208, 2303–2305,
 * 2101–2103) say the same of the same person.
 */
final class InsuranceCodes {
    private InsuranceCodes() {}

    /** insutype: 310 employees' basic insurance, 390 urban-rural residents' (INTERFACE §3); the uninsured as residents. */
    static String insutype(Scheme scheme) {
        return scheme == Scheme.EMPLOYEE ? "310" : "390";
    }

    static String insutype(String schemeKey) {
        return insutype(Scheme.of(schemeKey));
    }

    /**
     * psn_type (人员类别): employees 11 in service (在职), 12 retired (退休). INTERFACE §3 finds no code table in the
     * clients it read (the values are regional; real replies show 1101, 1102, 1560, 116032, 12, 15); one public HIS
     * client's 1101 screen names 11 在职, 12 退休, 1204 early retirement, 13 离休, 14xx minors and students, 15/16
     * adult/elderly residents, 1701 城乡居民. Residents (and the uninsured) keep the 1101 the replies always sent:
     * docs/fsi.md "Person category" lists it as open.
     */
    static String psnType(Scheme scheme, Employment employment) {
        if (scheme != Scheme.EMPLOYEE) return "1101";
        return employment == Employment.RETIRED ? "12" : "11";
    }

    static String psnType(String schemeKey, String employmentKey) {
        return psnType(Scheme.of(schemeKey), Employment.of(employmentKey));
    }
}
