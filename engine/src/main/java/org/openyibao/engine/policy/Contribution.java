package org.openyibao.engine.policy;

/** Residents' contribution level where a year has two (2009-2015); one level otherwise. */
public enum Contribution {
    CONTRIBUTION_1("contribution_1"),
    CONTRIBUTION_2("contribution_2");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Contribution(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Contribution of(String key) {
        for (Contribution v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Contribution v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
