package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** More units of an item in one visit or stay than the knowledge base's per-stay maximum (超单次住院限量). */
public final class StayQuantityLimit implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        Map<String, List<ClaimLine>> byItem = new TreeMap<>();
        for (ClaimLine l : s.visit().lines()) byItem.computeIfAbsent(l.code(), k -> new ArrayList<>()).add(l);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<ClaimLine>> e : byItem.entrySet()) {
            Knowledge.Item item = s.knowledge().items().get(e.getKey());
            if (item == null || item.stayMax() == null) continue;
            long units = e.getValue().stream().mapToLong(ClaimLine::quantity).sum();
            if (units > item.stayMax())
                out.add(new Finding(units + " units of " + e.getKey() + " (" + item.name() + ") in the stay, more than the "
                        + item.stayMax() + " allowed", Quantities.numbers(e.getValue()), List.of(),
                        "at most " + item.stayMax() + " a stay"));
        }
        return out;
    }
}
