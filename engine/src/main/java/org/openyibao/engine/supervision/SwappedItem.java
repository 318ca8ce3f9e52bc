package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * A dearer item billed where only the cheaper one it stands in for is indicated (串换项目): the knowledge base pairs the
 * two and lists the diagnoses that justify the dearer one; without any of them on the visit, the line is a finding.
 */
public final class SwappedItem implements Check {
    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        List<Finding> out = new ArrayList<>();
        for (Knowledge.Swap swap : s.knowledge().swaps()) {
            List<ClaimLine> billed = Quantities.of(s.visit(), swap.dearer());
            if (billed.isEmpty() || s.visit().hasDiagnosis(swap.dearerIndications())) continue;
            out.add(new Finding(swap.dearer() + " billed where only " + swap.cheaper() + " is indicated (no diagnosis "
                    + String.join("/", swap.dearerIndications()) + "* on the visit)", Quantities.numbers(billed),
                    List.of(), swap.dearer() + " only with " + String.join("/", swap.dearerIndications()) + "*"));
        }
        return out;
    }
}
