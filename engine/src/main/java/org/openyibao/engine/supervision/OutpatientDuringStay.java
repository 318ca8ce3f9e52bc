package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An outpatient visit or a pharmacy purchase at another institution on a day strictly inside a stay (住院期间门诊):
 * the patient cannot be in a ward and elsewhere at once. The admission and discharge days are left out, when both
 * can happen. Screened either way: a stay with such visits in the history, or such a visit with a stay covering it.
 */
public final class OutpatientDuringStay implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        List<Finding> out = new ArrayList<>();
        for (ClaimVisit other : s.history().visits()) {
            if (other.id().equals(v.id()) || other.institutionId().equals(v.institutionId())) continue;
            ClaimVisit stay = v.stay() ? v : other;
            ClaimVisit day = v.stay() ? other : v;
            if (!stay.stay() || day.stay() || !inside(day.admission(), stay)) continue;
            out.add(new Finding(day.scene().key + " visit " + day.id() + " at " + day.institutionId() + " on "
                    + day.admission() + ", during stay " + stay.id() + " at " + stay.institutionId() + " ("
                    + stay.admission() + "–" + stay.discharge() + ")", List.of(), List.of(other.id()),
                    "no visit elsewhere between admission and discharge"));
        }
        return out;
    }

    private static boolean inside(LocalDate day, ClaimVisit stay) {
        return day.isAfter(stay.admission()) && day.isBefore(stay.discharge());
    }
}
