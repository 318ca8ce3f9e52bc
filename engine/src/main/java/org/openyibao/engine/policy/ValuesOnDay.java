package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.List;

import org.openyibao.engine.money.Money;

/**
 * Reads the values of a pack in force on one day for a set of rules compiled from it (the insurer's contract, the
 * hospital budget rules), recording each one missing as a problem that names its path and {@code neededBy}.
 */
record ValuesOnDay(PolicyPack pack, LocalDate date, List<Problem> problems, String neededBy) {

    Dated dated(String path) {
        Parameter p = pack.parameters().get(path);
        Dated d = p == null ? null : p.at(date);
        if (d == null || d.value() == null) {
            problems.add(new Problem(p == null ? null : p.file(), p == null ? 0 : p.line(), path,
                    "gap in dates: no value on " + date + ", needed by " + neededBy));
            return null;
        }
        return d;
    }

    Object value(String path) {
        Dated d = dated(path);
        return d == null ? null : d.value();
    }

    /** A ratio or a multiple: both are held in millionths. */
    Ratio ratio(String path) {
        Dated d = dated(path);
        return d == null ? null : new Ratio((Integer) d.value(), cite(path, d, Money.formatRatio((Integer) d.value())));
    }

    Cited cite(String path, Dated d) {
        return cite(path, d, String.valueOf(d.value()));
    }

    Cited cite(String path, Dated d, String text) {
        return new Cited(path, text, d.from(), d.source());
    }

    String file(String path) {
        Parameter p = pack.parameters().get(path);
        return p == null ? null : p.file();
    }
}
