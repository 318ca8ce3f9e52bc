package org.openyibao.engine.policy;

/** Catalogue class of a fee line: A fully in scope, B self-pay-first share then in scope, C out of catalogue. */
public enum LineClass {
    A("A"),
    B("B"),
    C("C");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    LineClass(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static LineClass of(String key) {
        for (LineClass v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (LineClass v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
