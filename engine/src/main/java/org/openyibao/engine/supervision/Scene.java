package org.openyibao.engine.supervision;

/** Where a rule looks and a visit happens: an outpatient visit, an inpatient stay, a pharmacy purchase, a visit outside the insured's pooling region. */
public enum Scene {
    OUTPATIENT("outpatient"),
    INPATIENT("inpatient"),
    PHARMACY("pharmacy"),
    CROSS_REGION("cross-region");

    /** The word used for it in rules.yaml. */
    public final String key;

    Scene(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Scene of(String key) {
        for (Scene v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    /** The words, "a|b|c", for error messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Scene v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
