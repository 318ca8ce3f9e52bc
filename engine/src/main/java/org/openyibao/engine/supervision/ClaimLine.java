package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a claim as supervision reads it: the catalogue item billed, its kind, the day it was given, how many
 * units, the unit price and the amount, in fen.
 *
 * @param no the line's number on its visit (1, 2, …), which a hit's evidence names
 * @param quantity whole units (tablets, injections, days, pieces)
 */
public record ClaimLine(int no, String code, ItemKind kind, LocalDate date, long quantity, long unitPriceFen,
                        long amountFen) {
    public ClaimLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
    }
}
