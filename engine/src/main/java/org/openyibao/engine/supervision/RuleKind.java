package org.openyibao.engine.supervision;

/** The three kinds of the national rule base: policy rules (what the policy covers), management rules (how institutions bill and keep records) and medical rules (what is clinically plausible). */
public enum RuleKind {
    POLICY("policy"),
    MANAGEMENT("management"),
    MEDICAL("medical");

    /** The word used for it in rules.yaml. */
    public final String key;

    RuleKind(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static RuleKind of(String key) {
        for (RuleKind v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    /** The words, "a|b|c", for error messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (RuleKind v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
