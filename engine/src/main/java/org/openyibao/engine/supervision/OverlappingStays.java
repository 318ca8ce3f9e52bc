package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * Two stays of one person that overlap (重复住院): one begins before the other ends. A transfer, discharged from one
 * hospital and admitted to another on the same day, is not an overlap.
 */
public final class OverlappingStays implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        if (!v.stay()) return List.of();
        List<Finding> out = new ArrayList<>();
        for (ClaimVisit other : s.history().visits()) {
            if (!other.stay() || other.id().equals(v.id())) continue;
            if (other.admission().isBefore(v.discharge()) && v.admission().isBefore(other.discharge()))
                out.add(new Finding("stay " + v.admission() + "–" + v.discharge() + " overlaps stay " + other.id() + " at "
                        + other.institutionId() + " (" + other.admission() + "–" + other.discharge() + ")", List.of(),
                        List.of(other.id()), "one stay at a time"));
        }
        return out;
    }
}
