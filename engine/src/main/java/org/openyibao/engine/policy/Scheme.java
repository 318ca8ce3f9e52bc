package org.openyibao.engine.policy;

/** Basic medical insurance scheme: urban-rural residents (URRBMI) or urban employees (UEBMI). */
public enum Scheme {
    RESIDENT("resident"),
    EMPLOYEE("employee");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Scheme(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Scheme of(String key) {
        for (Scheme v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Scheme v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
