package org.openyibao.engine.policy;

/** Kind of visit. */
public enum VisitType {
    INPATIENT("inpatient"),
    OUTPATIENT("outpatient"),
    PHARMACY("pharmacy");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    VisitType(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static VisitType of(String key) {
        for (VisitType v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (VisitType v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
