package org.openyibao.engine.policy.explorer;

import java.time.LocalDate;
import java.util.List;

/**
 * What checking a reform overlay against a pack found: its problems (each at its line), or, when it has none, the
 * values it changes on {@code date} (old → new). A valid overlay may change nothing on that date (it starts later, or
 * repeats the pack's values): {@link #changesNothing()}.
 */
public record OverlayReport(String reformName, LocalDate date, List<LineProblem> problems, List<PolicyChange> changes) {

    public OverlayReport {
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean changesNothing() {
        return valid() && changes.isEmpty();
    }
}
