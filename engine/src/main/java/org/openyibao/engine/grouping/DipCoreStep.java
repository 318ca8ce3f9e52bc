package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The DIP core combination (DIP 2020, §3): those whose diagnosis category the principal diagnosis falls in and whose
 * procedures the case has ("+" all required, "/" any one). A combination listing no procedure (conservative treatment)
 * takes only a case none of whose procedures is above the conservative class. Of several, the one listing the most
 * procedures wins, then the one whose average cost is closest to the case's cost; still tied is ambiguous
 * (docs/decisions.md#illustrative-grouping-tables). Chooses nothing when no combination takes the case: the
 * comprehensive step follows.
 */
final class DipCoreStep {
    private DipCoreStep() {}

    static Choice<DipTable.Core> choose(DipTable t, DischargedCase c, ProcedureClass highest, List<GroupStep> trace) {
        List<DipTable.Core> taking = new ArrayList<>();
        for (DipTable.Core core : t.cores) {
            if (!CodeIndex.startsWith(c.principalDiagnosis(), core.diagnosis())) continue;
            if (core.procedures().isEmpty() ? highest == ProcedureClass.CONSERVATIVE
                    : core.procedures().matches(c.procedures())) taking.add(core);
        }
        if (taking.isEmpty()) {
            trace.add(new GroupStep("DIP core", "none", "no core combination takes the principal diagnosis "
                    + c.principalDiagnosis() + " with the procedures " + c.procedures() + " (highest class "
                    + highest.word() + ")"));
            return Choice.none("no-core");
        }
        int most = taking.stream().mapToInt(k -> k.procedures().size()).max().orElse(0);
        List<DipTable.Core> widest = taking.stream().filter(k -> k.procedures().size() == most).toList();
        long closest = widest.stream().mapToLong(k -> Math.abs(k.averageCostFen() - c.costFen())).min().orElse(0);
        List<DipTable.Core> best = widest.stream()
                .filter(k -> Math.abs(k.averageCostFen() - c.costFen()) == closest).toList();
        if (best.size() > 1) {
            List<String> codes = best.stream().map(DipTable.Core::code).toList();
            trace.add(new GroupStep("DIP core", "ambiguous", "the core combinations " + codes
                    + " list as many procedures and are as close to the case's cost"));
            return Choice.ambiguous("ambiguous-dip", codes);
        }
        DipTable.Core k = best.get(0);
        String why = k.name() + ": diagnosis " + k.diagnosis() + (k.procedures().isEmpty()
                ? ", conservative treatment" : ", procedures " + k.procedures());
        if (taking.size() > 1) why += "; chosen of " + taking.stream().map(DipTable.Core::code).toList()
                + (widest.size() < taking.size() ? " as it lists the most procedures (" + most + ")" : "")
                + (best.size() < widest.size() ? " as its average cost " + Ppm.yuan(k.averageCostFen())
                + " is closest to the case's " + Ppm.yuan(c.costFen()) : "");
        trace.add(new GroupStep("DIP core", k.code(), why + "; score " + Ppm.show(k.scorePpm())));
        return Choice.of(k);
    }
}
