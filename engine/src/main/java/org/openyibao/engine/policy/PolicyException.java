package org.openyibao.engine.policy;

import java.util.List;

/** A policy pack that cannot be used, with every problem found. */
public class PolicyException extends RuntimeException {
    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid policy" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public PolicyException(String message) {
        this(List.of(new Problem(null, 0, null, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
