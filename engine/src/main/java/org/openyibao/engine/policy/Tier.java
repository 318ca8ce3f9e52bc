package org.openyibao.engine.policy;

/** A settlement tier; the pack lists, per scheme, which apply and in which order they pay. */
public enum Tier {
    ELIGIBILITY("eligibility"),
    BASIC_POOLING("basic_pooling"),
    LARGE_AMOUNT("large_amount"),
    SERIOUS_ILLNESS("serious_illness"),
    MEDICAL_ASSISTANCE("medical_assistance"),
    EMERGENCY_COVER("emergency_cover"),
    INDIVIDUAL_ACCOUNT("individual_account");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Tier(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Tier of(String key) {
        for (Tier v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Tier v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
