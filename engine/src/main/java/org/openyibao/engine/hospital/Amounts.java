package org.openyibao.engine.hospital;

/** The checks every amount of this package passes, naming the field at fault (the name used in data files). */
final class Amounts {
    private Amounts() {}

    static long nonNegative(String field, long fen) {
        if (fen < 0) throw new IllegalArgumentException(field + ": " + fen + " fen is negative; amounts are 0 or more");
        return fen;
    }
}
