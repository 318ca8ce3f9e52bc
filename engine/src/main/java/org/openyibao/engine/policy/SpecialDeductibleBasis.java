package org.openyibao.engine.policy;

/** How often a special outpatient disease pays the level's deductible (REFERENCE §3 DECISION). */
public enum SpecialDeductibleBasis {
    /** Every visit, like an admission. */
    VISIT("visit"),
    /** Once a year; a visit at a higher level pays only the difference. */
    YEAR("year"),
    /** Never. */
    NONE("none");

    /** The word used for it in policy packs. */
    public final String key;

    SpecialDeductibleBasis(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static SpecialDeductibleBasis of(String key) {
        for (SpecialDeductibleBasis v : values()) if (v.key.equals(key)) return v;
        return null;
    }
}
