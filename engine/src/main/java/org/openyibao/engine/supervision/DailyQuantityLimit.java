package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * More units of an item on one day than the knowledge base's daily maximum (超每日限量; the idea of the US MUE unit
 * limits). The units of every line of the item on that day are added up; the maximum itself is allowed.
 */
public final class DailyQuantityLimit implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        Map<String, List<ClaimLine>> byItemAndDay = new TreeMap<>();
        for (ClaimLine l : s.visit().lines())
            byItemAndDay.computeIfAbsent(l.code() + " " + l.date(), k -> new ArrayList<>()).add(l);
        List<Finding> out = new ArrayList<>();
        for (List<ClaimLine> lines : byItemAndDay.values()) {
            ClaimLine first = lines.get(0);
            Knowledge.Item item = s.knowledge().items().get(first.code());
            if (item == null || item.dailyMax() == null) continue;
            long units = lines.stream().mapToLong(ClaimLine::quantity).sum();
            if (units > item.dailyMax())
                out.add(new Finding(units + " units of " + first.code() + " (" + item.name() + ") on " + first.date()
                        + ", more than the " + item.dailyMax() + " a day allowed", Quantities.numbers(lines), List.of(),
                        "at most " + item.dailyMax() + " a day"));
        }
        return out;
    }
}
