package org.openyibao.engine.policy;

import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;

/** A policy pack that cannot be used, with every problem found. */
public class PolicyException extends DomainException {
    private final List<Problem> problems;

    public PolicyException(List<Problem> problems) {
        super(EngineError.INVALID_POLICY, null, problems.isEmpty() ? "invalid policy" : problems.get(0).toString()
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
