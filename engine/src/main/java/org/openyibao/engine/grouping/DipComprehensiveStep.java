package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The DIP comprehensive group (DIP 2020, §3), for a case no core combination takes: the group of the principal
 * diagnosis's range and the case's highest procedure class (conservative &lt; diagnostic &lt; therapeutic &lt;
 * surgical); of several, the one whose average cost is closest to the case's cost; still tied is ambiguous.
 */
final class DipComprehensiveStep {
    private DipComprehensiveStep() {}

    static Choice<DipTable.Comprehensive> choose(DipTable t, DischargedCase c, ProcedureClass highest,
                                                 List<GroupStep> trace) {
        List<DipTable.Comprehensive> taking = new ArrayList<>();
        for (DipTable.Comprehensive g : t.comprehensives) {
            if (g.procedureClass() == highest && g.takes(c.principalDiagnosis())) taking.add(g);
        }
        if (taking.isEmpty()) {
            trace.add(new GroupStep("DIP comprehensive", "none", "no comprehensive group takes the principal diagnosis "
                    + c.principalDiagnosis() + " with " + highest.word() + " procedures"));
            return Choice.none("no-dip-group");
        }
        long closest = taking.stream().mapToLong(g -> Math.abs(g.averageCostFen() - c.costFen())).min().orElse(0);
        List<DipTable.Comprehensive> best = taking.stream()
                .filter(g -> Math.abs(g.averageCostFen() - c.costFen()) == closest).toList();
        if (best.size() > 1) {
            List<String> codes = best.stream().map(DipTable.Comprehensive::code).toList();
            trace.add(new GroupStep("DIP comprehensive", "ambiguous", "the comprehensive groups " + codes
                    + " are as close to the case's cost"));
            return Choice.ambiguous("ambiguous-dip", codes);
        }
        DipTable.Comprehensive g = best.get(0);
        trace.add(new GroupStep("DIP comprehensive", g.code(), g.name() + ": principal diagnosis in " + g.first() + "-"
                + g.last() + ", highest procedure class " + highest.word()
                + (taking.size() > 1 ? "; chosen of " + taking.stream().map(DipTable.Comprehensive::code).toList()
                + " as its average cost " + Ppm.yuan(g.averageCostFen()) + " is closest to the case's "
                + Ppm.yuan(c.costFen()) : "") + "; score " + Ppm.show(g.scorePpm())));
        return Choice.of(g);
    }
}
