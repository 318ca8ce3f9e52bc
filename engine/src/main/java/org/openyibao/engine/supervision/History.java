package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The person's other visits in the window the rules look at (earlier visits, and for a stay those during it). They are
 * kept in a canonical order (admission, discharge, id) so that what a rule finds does not depend on the order they
 * were given in.
 */
public record History(List<ClaimVisit> visits) {
    /** The canonical order of visits: by admission date, then discharge date, then id. */
    public static final Comparator<ClaimVisit> ORDER = Comparator.comparing(ClaimVisit::admission)
            .thenComparing(ClaimVisit::discharge).thenComparing(ClaimVisit::id);

    public static final History NONE = new History(List.of());

    public History {
        List<ClaimVisit> sorted = new ArrayList<>(visits == null ? List.of() : visits);
        sorted.sort(ORDER);
        visits = List.copyOf(sorted);
    }

    public static History of(ClaimVisit... visits) {
        return new History(List.of(visits));
    }
}
