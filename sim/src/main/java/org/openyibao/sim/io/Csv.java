package org.openyibao.sim.io;

/** CSV fields as the population tables and the evaluation's indicators.csv write them. */
public final class Csv {
    private Csv() {}

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; null is the empty field. */
    public static String field(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
