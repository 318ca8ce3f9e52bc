package org.openyibao.engine.supervision;

import java.util.Map;
import java.util.Set;

/**
 * One rule of a rule set as its rules.yaml states it (docs/supervision.md#rules): what it is called, its kind, the
 * scenes and the stage it runs in, the window it looks at, the {@link Check} class that carries its logic, that
 * class's parameters and thresholds, how severe a hit is, whether a hit blocks a settlement, and its source.
 *
 * @param check the simple name of the {@link Check} class (one of {@link Checks#names()})
 * @param parameters whole numbers (days, units, fen, millionths), by name
 * @param file the file it was read from and {@code line} its line, for error messages
 */
public record Rule(String id, String name, RuleKind kind, Set<Scene> scenes, Stage stage, Window window, String check,
                   Map<String, Long> parameters, Severity severity, boolean blocking, String source, String file,
                   int line) {
    public Rule {
        scenes = Set.copyOf(scenes);
        parameters = Map.copyOf(parameters);
    }

    /** A parameter the loader has made sure is there. */
    public long parameter(String name) {
        Long v = parameters.get(name);
        if (v == null) throw new IllegalStateException("rule " + id + " has no parameter " + name);
        return v;
    }

    /** True when the rule runs on this visit's scene (a cross-region rule on any visit outside the home region). */
    public boolean appliesTo(ClaimVisit visit) {
        return scenes.contains(visit.scene()) || (visit.crossRegion() && scenes.contains(Scene.CROSS_REGION));
    }
}
