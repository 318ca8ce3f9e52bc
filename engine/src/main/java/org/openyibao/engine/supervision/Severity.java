package org.openyibao.engine.supervision;

/** How serious a hit is, for the order of a review queue; whether it blocks a settlement is the rule's {@code blocking}, apart. */
public enum Severity {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    /** The word used for it in rules.yaml. */
    public final String key;

    Severity(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Severity of(String key) {
        for (Severity v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    /** The words, "a|b|c", for error messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Severity v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
