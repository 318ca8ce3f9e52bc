package org.openyibao.engine.policy;

/** Whether the visit is a case of a declared public-health emergency (REFERENCE §7). */
public enum EmergencyCase {
    CONFIRMED("confirmed"),
    SUSPECTED("suspected"),
    NONE("none");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    EmergencyCase(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static EmergencyCase of(String key) {
        for (EmergencyCase v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (EmergencyCase v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
