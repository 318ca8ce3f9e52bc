package org.openyibao.engine.policy;

/** Employees' status: in service or retired (their pooling ratios differ, Table 2-8). */
public enum Employment {
    IN_SERVICE("in_service"),
    RETIRED("retired");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Employment(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Employment of(String key) {
        for (Employment v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Employment v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
