package org.openyibao.engine.policy;

import java.util.List;

/** A marginal scale: each bracket's rate applies to the part of the base above its threshold. */
public record Scale(String path, String description, String file, int line, List<Bracket> brackets) {
    public record Bracket(Parameter threshold, Parameter rate) {}
}
