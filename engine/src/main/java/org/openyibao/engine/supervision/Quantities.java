package org.openyibao.engine.supervision;

import java.util.List;

/** Small helpers the checks share. */
final class Quantities {
    private Quantities() {}

    /** The line numbers, in order. */
    static List<Integer> numbers(List<ClaimLine> lines) {
        return lines.stream().map(ClaimLine::no).sorted().toList();
    }

    /** The visit's lines billing the item. */
    static List<ClaimLine> of(ClaimVisit visit, String code) {
        return visit.lines().stream().filter(l -> l.code().equals(code)).toList();
    }
}
