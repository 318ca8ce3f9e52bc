package org.openyibao.engine.policy;

/** The unit a parameter's values are written in; checked on load. */
public enum Unit {
    /** yuan with at most two decimals, or {@code unlimited} (no cap) */
    CURRENCY("currency"),
    /** a share in [0, 1] with at most six decimals */
    RATIO("ratio"),
    /** a multiple of a reference amount, e.g. 3 × the average wage; non-negative */
    MULTIPLE("multiple"),
    MONTHS("months"),
    YEARS("years"),
    /** whole days, e.g. a length of stay */
    DAYS("days"),
    BOOLEAN("boolean"),
    /** a list of diagnosis codes (ICD-10 prefixes) */
    CODES("codes"),
    /** a list of settlement tier names, in the order they pay */
    TIERS("tiers"),
    /** one word out of a fixed set named by the schema */
    CHOICE("choice"),
    /** a list of the insurer's audit reasons: code, zh and en words, the decisions each may go with ({@link AuditReason}) */
    REASONS("reasons");

    public final String yamlName;

    Unit(String yamlName) {
        this.yamlName = yamlName;
    }

    public static Unit of(String name) {
        for (Unit u : values()) if (u.yamlName.equals(name)) return u;
        return null;
    }

    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Unit u : values()) b.append(b.length() == 0 ? "" : ", ").append(u.yamlName);
        return b.toString();
    }
}
