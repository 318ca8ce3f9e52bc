package org.openyibao.engine.supervision;

/** What a claim line bills: a drug, a service (an examination, a procedure, a bed day) or a material. */
public enum ItemKind {
    DRUG("drug"),
    SERVICE("service"),
    MATERIAL("material");

    /** The word used for it in the knowledge base and the claim files. */
    public final String key;

    ItemKind(String key) {
        this.key = key;
    }

    /** The kind named {@code key}, or null. */
    public static ItemKind of(String key) {
        for (ItemKind k : values()) if (k.key.equals(key)) return k;
        return null;
    }
}
