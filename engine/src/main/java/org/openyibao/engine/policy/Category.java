package org.openyibao.engine.policy;

/** Person category for serious illness and medical assistance (REFERENCE §2: poverty categories). */
public enum Category {
    GENERAL("general"),
    DIRE_POVERTY("dire_poverty"),
    DOCUMENTED_POOR("documented_poor"),
    SUBSISTENCE_ALLOWANCE("subsistence_allowance");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    Category(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Category of(String key) {
        for (Category v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Category v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
