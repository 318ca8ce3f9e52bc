package org.openyibao.engine.supervision;

import java.util.List;

/**
 * The logic of a rule: one small class per pattern, named in the domain's words (docs/supervision.md#rules). A check
 * reads the visit, the person's history, the knowledge base and its rule's parameters, and returns what it found with
 * a readable reason and the evidence. It does no I/O and keeps no state.
 */
public interface Check {
    /** The parameters it reads from its rule; the loader refuses a rule that lacks one. */
    default List<String> parameters() {
        return List.of();
    }

    /** What it finds on the visit, in the order of the visit's lines; empty when nothing. */
    List<Finding> findings(Screened s, Rule rule);
}
