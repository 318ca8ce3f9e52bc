package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The codes a table version lists, for drawing cases that the version can group (the simulation's generator, tests):
 * the principal diagnoses it places, the complications it counts, the procedures it names. Codes as the table writes
 * them (prefixes), in the table's order, each once.
 */
public record TableCodes(List<String> principals, List<String> complications, List<String> procedures) {
    public TableCodes {
        principals = List.copyOf(principals);
        complications = List.copyOf(complications);
        procedures = List.copyOf(procedures);
    }

    static TableCodes of(Grouper g) {
        Set<String> principals = new LinkedHashSet<>();
        Set<String> complications = new LinkedHashSet<>();
        Set<String> procedures = new LinkedHashSet<>();
        if (g instanceof DrgGrouper d) {
            DrgTable t = d.table();
            t.adrgs.forEach(a -> {
                principals.addAll(a.diagnoses());
                procedures.addAll(a.procedures().codes());
            });
            principals.addAll(t.mdcByDiagnosis.codes());
            complications.addAll(t.complications.codes());
        } else if (g instanceof DipGrouper p) {
            DipTable t = p.table();
            t.cores.forEach(k -> {
                principals.add(k.diagnosis());
                procedures.addAll(k.procedures().codes());
            });
            procedures.addAll(t.procedureCodes);
        }
        return new TableCodes(new ArrayList<>(principals), new ArrayList<>(complications), new ArrayList<>(procedures));
    }
}
