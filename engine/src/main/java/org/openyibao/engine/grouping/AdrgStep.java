package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The adjacent DRG within the MDC (CHS-DRG 1.1, §3): the ADRGs that take the principal diagnosis and whose procedures
 * the case has; surgical before non-operative before medical, then the lowest rank. Two different ADRGs of the same
 * kind and rank both taking the case is reported ambiguous with both, never silently picked
 * (docs/decisions.md#illustrative-grouping-tables).
 */
final class AdrgStep {
    private static final Comparator<DrgTable.Adrg> ORDER =
            Comparator.comparing(DrgTable.Adrg::kind).thenComparingInt(DrgTable.Adrg::rank);

    private AdrgStep() {}

    static Choice<DrgTable.Adrg> choose(DrgTable t, DrgTable.Mdc mdc, DischargedCase c, List<GroupStep> trace) {
        List<DrgTable.Adrg> taking = new ArrayList<>();
        for (DrgTable.Adrg a : t.adrgsByMdc.getOrDefault(mdc.code(), List.of())) {
            if (a.takesPrincipal(c.principalDiagnosis()) && a.procedures().matches(c.procedures())) taking.add(a);
        }
        if (taking.isEmpty()) {
            trace.add(new GroupStep("ADRG", "none", "no ADRG of MDC " + mdc.code() + " takes the principal diagnosis "
                    + c.principalDiagnosis() + " with the procedures " + c.procedures()));
            return Choice.none("no-adrg");
        }
        taking.sort(ORDER);
        DrgTable.Adrg first = taking.get(0);
        List<String> tied = taking.stream().filter(a -> ORDER.compare(a, first) == 0).map(DrgTable.Adrg::code).toList();
        if (tied.size() > 1) {
            trace.add(new GroupStep("ADRG", "ambiguous", "the " + first.kind().word() + " ADRGs " + tied
                    + " of equal rank " + first.rank() + " all take the case; the table must rank them"));
            return Choice.ambiguous("ambiguous-adrg", tied);
        }
        trace.add(new GroupStep("ADRG", first.code(), first.name() + ": " + first.kind().word()
                + (first.procedures().isEmpty() ? "" : ", procedures " + first.procedures())
                + (first.diagnoses().isEmpty() ? ", any principal diagnosis of MDC " + mdc.code()
                        : ", principal diagnosis " + c.principalDiagnosis())
                + (taking.size() > 1 ? "; chosen before " + taking.subList(1, taking.size()).stream()
                        .map(DrgTable.Adrg::code).toList() + " (surgical, non-operative, medical, then rank)" : "")));
        return Choice.of(first);
    }
}
