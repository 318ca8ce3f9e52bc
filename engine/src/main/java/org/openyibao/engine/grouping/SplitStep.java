package org.openyibao.engine.grouping;

import java.util.List;

/**
 * The DRG within the ADRG (CHS-DRG 1.1, §3): the first of the ADRG's DRGs, in the table's order, whose split condition
 * holds for the case and its complication level ({@link SplitRule}). No row holding is a table error reported as
 * {@code no-drg}, not thrown.
 */
final class SplitStep {
    private SplitStep() {}

    static Choice<DrgTable.Drg> choose(DrgTable t, DrgTable.Adrg adrg, DrgTable.Level level, DischargedCase c,
                                       List<GroupStep> trace) {
        List<DrgTable.Drg> drgs = t.drgsByAdrg.getOrDefault(adrg.code(), List.of());
        for (DrgTable.Drg d : drgs) {
            if (d.split().holds(c, level)) {
                trace.add(new GroupStep("DRG", d.code(), d.name() + ": split '" + d.split() + "' holds (complications "
                        + level + ", age " + c.ageYears() + (c.birthWeightGrams() > 0 ? ", birth weight "
                        + c.birthWeightGrams() + " g" : "") + "); weight " + Ppm.show(d.weightPpm())));
                return Choice.of(d);
            }
        }
        trace.add(new GroupStep("DRG", "none", "no split of " + adrg.code() + " holds for the case"));
        return Choice.none("no-drg");
    }
}
