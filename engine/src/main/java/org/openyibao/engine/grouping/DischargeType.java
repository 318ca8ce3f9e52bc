package org.openyibao.engine.grouping;

/**
 * How the patient left hospital, the national medical-record front page's 离院方式 ({@code dscg_way} in 2402): the DRG
 * split and outlier rules read it (a death or a transfer can make a short, cheap stay a low-cost outlier that is not one).
 */
public enum DischargeType {
    ORDERED("1"),
    TRANSFERRED("2"),
    TO_COMMUNITY("3"),
    AGAINST_ADVICE("4"),
    DIED("5"),
    OTHER("9");

    /** The national code. */
    public final String code;

    DischargeType(String code) {
        this.code = code;
    }

    /** The type of a national code, {@link #OTHER} when the code is missing or unknown. */
    public static DischargeType of(String code) {
        for (DischargeType t : values()) if (t.code.equals(code)) return t;
        return OTHER;
    }
}
