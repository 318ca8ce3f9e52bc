package org.openyibao.engine.grouping;

import java.util.List;

/**
 * What one grouping step made of a case: the thing it chose, or the reason code why it chose nothing, or the tied
 * candidates when it could not choose. The step's {@link GroupStep} is already in the trace.
 */
record Choice<T>(T chosen, String reason, List<String> candidates) {
    static <T> Choice<T> of(T chosen) {
        return new Choice<>(chosen, null, List.of());
    }

    static <T> Choice<T> none(String reason) {
        return new Choice<>(null, reason, List.of());
    }

    static <T> Choice<T> ambiguous(String reason, List<String> candidates) {
        return new Choice<>(null, reason, List.copyOf(candidates));
    }

    boolean chose() {
        return chosen != null;
    }

    boolean ambiguous() {
        return chosen == null && !candidates.isEmpty();
    }
}
