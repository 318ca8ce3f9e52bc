package org.openyibao.engine.grouping;

/** The patient's sex as the grouping tables' split rules read it (national gender code 1 male, 2 female). */
public enum Sex {
    MALE("1", "M"),
    FEMALE("2", "F"),
    UNKNOWN("9", "U");

    /** The national code (GB/T 2261.1) and the one-letter code the simulation writes. */
    public final String code;
    public final String letter;

    Sex(String code, String letter) {
        this.code = code;
        this.letter = letter;
    }

    /** The sex named by a national code or a letter (M/F), {@link #UNKNOWN} for anything else. */
    public static Sex of(String codeOrLetter) {
        for (Sex s : values()) if (s.code.equals(codeOrLetter) || s.letter.equalsIgnoreCase(codeOrLetter)) return s;
        return UNKNOWN;
    }
}
