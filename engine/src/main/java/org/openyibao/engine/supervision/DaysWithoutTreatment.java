package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stay with more than {@code max_days} days on which nothing but non-treatment items (bed, meals, as the knowledge
 * base marks them) was billed (挂床住院, a sign of fake hospitalisation). The days counted are the stay's billed days,
 * admission up to the day before discharge. An item the knowledge base does not list counts as treatment.
 */
public final class DaysWithoutTreatment implements Check {
    @Override
    public List<String> parameters() {
        return List.of("max_days");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        if (!v.stay()) return List.of();
        Set<LocalDate> treated = new HashSet<>();
        for (ClaimLine l : v.lines()) {
            Knowledge.Item item = s.knowledge().items().get(l.code());
            if (item == null || item.treatment()) treated.add(l.date());
        }
        List<LocalDate> idle = new ArrayList<>();
        for (LocalDate d = v.admission(); d.isBefore(v.discharge()); d = d.plusDays(1)) if (!treated.contains(d)) idle.add(d);
        long max = rule.parameter("max_days");
        if (idle.size() <= max) return List.of();
        return List.of(new Finding(idle.size() + " of the stay's " + v.lengthOfStay() + " days with no treatment billed ("
                + idle.get(0) + (idle.size() > 1 ? " … " + idle.get(idle.size() - 1) : "") + ")", List.of(), List.of(),
                "at most " + max + " days without treatment"));
    }
}
