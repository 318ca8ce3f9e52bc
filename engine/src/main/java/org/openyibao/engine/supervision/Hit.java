package org.openyibao.engine.supervision;

import java.util.Comparator;
import java.util.List;

/**
 * A rule's finding on a visit, with what the rule says of itself: severity, whether it blocks a settlement, its kind
 * and source. {@link #ORDER} is the stable order {@link Screening} returns them in.
 */
public record Hit(String visitId, String ruleId, String ruleName, RuleKind kind, Severity severity, boolean blocking,
                  String reason, List<Integer> lines, List<String> visits, String threshold, String source) {
    /** Blocking hits first, then the more severe, then by rule id and evidence. */
    public static final Comparator<Hit> ORDER = Comparator.comparing((Hit h) -> !h.blocking())
            .thenComparing(Hit::severity, Comparator.reverseOrder())
            .thenComparing(Hit::ruleId)
            .thenComparing(h -> h.lines().toString())
            .thenComparing(h -> h.visits().toString())
            .thenComparing(Hit::reason);

    public Hit {
        lines = List.copyOf(lines);
        visits = List.copyOf(visits);
    }

    static Hit of(ClaimVisit visit, Rule rule, Finding f) {
        return new Hit(visit.id(), rule.id(), rule.name(), rule.kind(), rule.severity(), rule.blocking(), f.reason(),
                f.lines(), f.visits(), f.threshold(), rule.source());
    }
}
