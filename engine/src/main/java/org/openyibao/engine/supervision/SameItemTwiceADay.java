package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service billed on several lines on the same day (重复收费): the same examination, procedure or bed day charged
 * twice. Drugs are left out (a drug is given several times a day; the daily maximum covers them). Parameter
 * {@code min_lines}: how many lines of one service on one day make a finding.
 */
public final class SameItemTwiceADay implements Check {
    @Override
    public List<String> parameters() {
        return List.of("min_lines");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        long min = rule.parameter("min_lines");
        Map<String, List<ClaimLine>> byItemAndDay = new TreeMap<>();
        for (ClaimLine l : s.visit().lines())
            if (l.kind() == ItemKind.SERVICE) byItemAndDay.computeIfAbsent(l.code() + " " + l.date(), k -> new ArrayList<>()).add(l);
        List<Finding> out = new ArrayList<>();
        for (List<ClaimLine> lines : byItemAndDay.values()) {
            if (lines.size() < min) continue;
            ClaimLine first = lines.get(0);
            out.add(new Finding("service " + first.code() + " billed on " + lines.size() + " lines on " + first.date(),
                    Quantities.numbers(lines), List.of(), "fewer than " + min + " lines a day"));
        }
        return out;
    }
}
