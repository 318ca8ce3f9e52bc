package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The same costly drug bought again and again, at several institutions, beyond plausible use (药店套现, reselling):
 * for each drug on the visit whose unit price is at least {@code min_unit_price_fen}, the purchases of it in the last
 * {@code days} days (this visit's day included) are gathered; a finding when there are at least {@code min_purchases}
 * of them, at {@code min_pharmacies} or more institutions, and their units exceed the knowledge base's daily maximum
 * times {@code days} (what one person could take). A drug without a daily maximum is not judged.
 */
public final class RepeatedCostlyDrug implements Check {
    @Override
    public List<String> parameters() {
        return List.of("days", "min_unit_price_fen", "min_purchases", "min_pharmacies");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        long days = rule.parameter("days");
        LocalDate from = v.admission().minusDays(days - 1);
        List<Finding> out = new ArrayList<>();
        for (String code : new TreeSet<>(v.lines().stream().filter(l -> l.kind() == ItemKind.DRUG
                && l.unitPriceFen() >= rule.parameter("min_unit_price_fen")).map(ClaimLine::code).toList())) {
            Knowledge.Item item = s.knowledge().items().get(code);
            if (item == null || item.dailyMax() == null) continue;
            List<String> visits = new ArrayList<>();
            TreeSet<String> places = new TreeSet<>(List.of(v.institutionId()));
            long units = Quantities.of(v, code).stream().mapToLong(ClaimLine::quantity).sum();
            int purchases = 1;
            for (ClaimVisit h : s.history().visits()) {
                if (h.id().equals(v.id()) || h.admission().isBefore(from) || h.admission().isAfter(v.admission())) continue;
                List<ClaimLine> bought = Quantities.of(h, code);
                if (bought.isEmpty()) continue;
                purchases++;
                places.add(h.institutionId());
                visits.add(h.id());
                units += bought.stream().mapToLong(ClaimLine::quantity).sum();
            }
            long plausible = item.dailyMax() * days;
            if (purchases < rule.parameter("min_purchases") || places.size() < rule.parameter("min_pharmacies") || units <= plausible)
                continue;
            out.add(new Finding(code + " (" + item.name() + ") bought " + purchases + " times at " + places.size()
                    + " institutions " + places + " in " + days + " days: " + units + " units, more than the "
                    + plausible + " one person could take (" + item.dailyMax() + " a day)",
                    Quantities.numbers(Quantities.of(v, code)), visits, "at most " + plausible + " units in " + days + " days"));
        }
        return out;
    }
}
