package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a rule set over a visit with the person's history (docs/supervision.md#screening): each rule whose scenes
 * include the visit's (and, when {@code stage} is given, whose stage it is) runs its check; the hits come back in
 * {@link Hit#ORDER}, so the same visit and history give the same list whatever order the history came in. Pure: no
 * I/O, no clock.
 */
public final class Screening {
    private Screening() {}

    /** Every applicable rule's hits on the visit, in {@link Hit#ORDER}. */
    public static List<Hit> screen(RuleSet rules, ClaimVisit visit, History history) {
        return screen(rules, visit, history, null);
    }

    /** As {@link #screen(RuleSet, ClaimVisit, History)}, keeping to the rules of one stage (null: every stage). */
    public static List<Hit> screen(RuleSet rules, ClaimVisit visit, History history, Stage stage) {
        Screened s = new Screened(visit, history, rules.knowledge());
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (!rule.appliesTo(visit) || (stage != null && rule.stage() != stage)) continue;
            Check check = Checks.named(rule.check());
            if (check == null) throw new IllegalStateException("rule " + rule.id() + " names no check: " + rule.check());
            for (Finding f : check.findings(s, rule)) hits.add(Hit.of(visit, rule, f));
        }
        hits.sort(Hit.ORDER);
        return List.copyOf(hits);
    }

    /** True when one of the hits blocks the settlement. */
    public static boolean blocks(List<Hit> hits) {
        return hits.stream().anyMatch(Hit::blocking);
    }
}
