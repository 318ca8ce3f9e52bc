package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * Two items the knowledge base says exclude each other billed on the same day (互斥项目; the idea of the US NCCI
 * procedure-to-procedure edits): one includes the other, or they cannot both have been done.
 */
public final class MutuallyExclusiveItems implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        List<Finding> out = new ArrayList<>();
        for (Knowledge.Pair p : s.knowledge().exclusive()) {
            for (ClaimLine a : Quantities.of(s.visit(), p.first())) {
                for (ClaimLine b : Quantities.of(s.visit(), p.second())) {
                    if (!a.date().equals(b.date())) continue;
                    out.add(new Finding(p.first() + " (line " + a.no() + ") and " + p.second() + " (line " + b.no()
                            + ") exclude each other, both billed on " + a.date(),
                            List.of(Math.min(a.no(), b.no()), Math.max(a.no(), b.no())), List.of(), "not on the same day"));
                }
            }
        }
        return out;
    }
}
