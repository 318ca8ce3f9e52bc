package org.openyibao.engine.supervision;

import java.util.List;

/**
 * What one check found on a visit: a reason a person can read and the evidence behind it.
 *
 * @param lines the numbers of the visit's lines concerned (empty when the finding is about the visit as a whole)
 * @param visits the ids of the history's visits concerned
 * @param threshold the limit that was passed, in words ("at most 3 a day", "within 15 days")
 */
public record Finding(String reason, List<Integer> lines, List<String> visits, String threshold) {
    public Finding {
        lines = List.copyOf(lines);
        visits = List.copyOf(visits);
    }
}
