package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * An item billed without the item it depends on anywhere in the visit (缺少依赖项目): a contrast agent with no enhanced
 * scan, an anaesthesia drug with no operation.
 */
public final class MissingDependentItem implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        List<Finding> out = new ArrayList<>();
        for (Knowledge.Pair p : s.knowledge().dependent()) {
            List<ClaimLine> billed = Quantities.of(s.visit(), p.first());
            if (billed.isEmpty() || !Quantities.of(s.visit(), p.second()).isEmpty()) continue;
            out.add(new Finding(p.first() + " billed without " + p.second() + ", which it goes with",
                    Quantities.numbers(billed), List.of(), "needs " + p.second() + " in the same visit"));
        }
        return out;
    }
}
