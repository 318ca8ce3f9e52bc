package org.openyibao.engine.grouping;

import java.util.List;

/**
 * What a grouper made of a case (docs/grouping.md): a group, or a named reason why there is none. Never thrown: an
 * ungroupable or ambiguous case is a result like any other, with the trace that led there.
 *
 * @param version the table version that grouped it (for example {@code "illustrative-drg-2024"})
 * @param mdc the major diagnostic category (DRG), null for DIP or when not reached
 * @param adrg the adjacent DRG (DRG), null for DIP or when not reached
 * @param code the DRG or DIP group code, null unless {@link Outcome#GROUPED}
 * @param weightPpm a DRG's relative weight in millionths (1.2345 → 1,234,500), 0 for DIP
 * @param scorePpm a DIP group's score (points) in millionths, 0 for DRG
 * @param averageCostFen the group's average cost in the table, the outlier rules' yardstick
 * @param reason why there is no group: a code (for example {@code "no-mdc"}, {@code "invalid-principal"}), null when
 *               grouped
 * @param candidates the tied groups when {@link Outcome#AMBIGUOUS}, else empty
 */
public record GroupResult(Outcome outcome, Method method, String version, String mdc, String adrg, String code,
                          String name, long weightPpm, long scorePpm, long averageCostFen, String reason,
                          List<String> candidates, List<GroupStep> trace) {

    public enum Outcome { GROUPED, UNGROUPABLE, AMBIGUOUS }

    public GroupResult {
        candidates = List.copyOf(candidates);
        trace = List.copyOf(trace);
    }

    public boolean grouped() {
        return outcome == Outcome.GROUPED;
    }
}
