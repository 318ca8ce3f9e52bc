package org.openyibao.engine.grouping;

/** The case-based payment methods (docs/grouping.md, docs/case-payment.md): DRG groups with relative weights, DIP combinations with scores. */
public enum Method {
    DRG("drg"),
    DIP("dip");

    /** The word used for it in policy packs, files and the API. */
    public final String key;

    Method(String key) {
        this.key = key;
    }

    /** The method named {@code key}, or null. */
    public static Method of(String key) {
        for (Method m : values()) if (m.key.equals(key)) return m;
        return null;
    }
}
