package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The complication level (CHS-DRG 1.1, §3): the highest of the secondary diagnoses on the MCC/CC list, after the
 * exclusion table removes those related to the principal diagnosis (pneumonia does not complicate a respiratory
 * principal diagnosis). Always chooses: NONE when no secondary diagnosis counts.
 */
final class ComplicationStep {
    private ComplicationStep() {}

    static Choice<DrgTable.Level> choose(DrgTable t, DischargedCase c, List<GroupStep> trace) {
        DrgTable.Level level = DrgTable.Level.NONE;
        List<String> counted = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String s : c.secondaryDiagnoses()) {
            DrgTable.Complication cc = t.complications.find(s);
            if (cc == null) continue;
            DrgTable.Exclusion ex = exclusion(t, cc, c.principalDiagnosis());
            if (ex != null) {
                excluded.add(s + " (" + ex.note() + ")");
                continue;
            }
            counted.add(s + " " + cc.level());
            if (cc.level().compareTo(level) > 0) level = cc.level();
        }
        String because = (counted.isEmpty() ? "no secondary diagnosis is on the MCC/CC list"
                : "counted " + String.join(", ", counted))
                + (excluded.isEmpty() ? "" : "; excluded " + String.join(", ", excluded));
        trace.add(new GroupStep("complications", level.name(), because));
        return Choice.of(level);
    }

    private static DrgTable.Exclusion exclusion(DrgTable t, DrgTable.Complication cc, String principal) {
        for (DrgTable.Exclusion e : t.exclusionsByComplication.getOrDefault(CodeIndex.normal(cc.code()), List.of())) {
            if (CodeIndex.startsWith(principal, e.principal())) return e;
        }
        if (cc.exclusionTable() != null && cc.exclusionTable().equals(t.principalExclusionTable.find(principal))) {
            return new DrgTable.Exclusion(cc.code(), principal, "exclusion table " + cc.exclusionTable()
                    + " holds the principal diagnosis too");
        }
        return null;
    }
}
