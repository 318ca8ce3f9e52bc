package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of the rule base and knowledge base (docs/supervision.md#data): {@code policies/supervision/<version>/},
 * its rules.yaml and the CSV files beside it.
 */
public record RuleSet(String version, String name, LocalDate from, String source, List<Rule> rules, Knowledge knowledge) {
    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The rules of these ids, in the set's order; an id the set does not have is left out. */
    public RuleSet only(java.util.Collection<String> ids) {
        return new RuleSet(version, name, from, source, rules.stream().filter(r -> ids.contains(r.id())).toList(), knowledge);
    }
}
