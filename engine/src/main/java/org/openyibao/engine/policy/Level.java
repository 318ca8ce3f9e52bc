package org.openyibao.engine.policy;

/** Institution level of a designated institution (REFERENCE §2 Table 2-6, Table 2-8). */
public enum Level {
    VILLAGE("village"),
    TOWNSHIP("township"),
    LEVEL1("level1"),
    LEVEL2("level2"),
    LEVEL3("level3");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Level(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Level of(String key) {
        for (Level v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Level v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
