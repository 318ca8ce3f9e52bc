package org.openyibao.engine.supervision;

/** When a rule runs: before settlement (a prompt to the doctor or pharmacist), during settlement (a warning or a refusal), after settlement (batch screening of settled claims). */
public enum Stage {
    BEFORE("before"),
    DURING("during"),
    AFTER("after");

    /** The word used for it in rules.yaml. */
    public final String key;

    Stage(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static Stage of(String key) {
        for (Stage v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    /** The words, "a|b|c", for error messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Stage v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
