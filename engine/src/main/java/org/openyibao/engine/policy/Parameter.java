package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.List;

/** A policy parameter with its effective-dated history (OpenFisca style). */
public record Parameter(String path, Unit unit, String description, String file, int line, List<Dated> history) {

    /** The value in force on {@code date}, or null when the parameter has no value yet. */
    public Dated at(LocalDate date) {
        Dated found = null;
        for (Dated d : history) {
            if (d.from().isAfter(date)) break;
            found = d;
        }
        return found;
    }
}
