package org.openyibao.engine.grouping;

/**
 * The class of a procedure in DIP's comprehensive groups (DIP 2020, §3), in rising order: a case is classed by its
 * highest procedure.
 */
public enum ProcedureClass {
    CONSERVATIVE, DIAGNOSTIC, THERAPEUTIC, SURGICAL;

    public String word() {
        return name().toLowerCase();
    }

    /** The class named {@code word}, or null. */
    public static ProcedureClass of(String word) {
        for (ProcedureClass c : values()) if (c.word().equals(word)) return c;
        return null;
    }
}
