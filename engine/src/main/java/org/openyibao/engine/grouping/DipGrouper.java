package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The DIP grouper of one table version (DIP 2020, §3): case check, the highest procedure class, a core combination,
 * else a comprehensive group. Pure, deterministic and total: an ungroupable or ambiguous case is a result. Immutable
 * once loaded: one instance serves every thread.
 */
public final class DipGrouper implements Grouper {
    private final DipTable table;

    DipGrouper(DipTable table) {
        this.table = table;
    }

    /** The grouper of a DIP table version read from its files (docs/grouping.md). */
    public static DipGrouper of(TableVersion v) {
        if (v.method() != Method.DIP) throw Csv.invalid(v.version() + "/version.yaml", 0, "method is not dip");
        return new DipGrouper(DipTable.load(v));
    }

    @Override
    public Method method() {
        return Method.DIP;
    }

    @Override
    public String version() {
        return table.version;
    }

    @Override
    public GroupResult group(DischargedCase c) {
        List<GroupStep> trace = new ArrayList<>(4);
        Choice<DischargedCase> checked = CaseCheck.check(c, trace);
        if (!checked.chose()) return none(checked, trace);
        ProcedureClass highest = table.highestClass(c.procedures());
        trace.add(new GroupStep("procedure class", highest.word(), c.procedures().isEmpty() ? "no procedure"
                : "the highest class of " + c.procedures()));
        Choice<DipTable.Core> core = DipCoreStep.choose(table, c, highest, trace);
        if (core.chose()) {
            DipTable.Core k = core.chosen();
            return grouped(k.code(), k.name(), k.scorePpm(), k.averageCostFen(), trace);
        }
        if (core.ambiguous()) return none(core, trace);
        Choice<DipTable.Comprehensive> comp = DipComprehensiveStep.choose(table, c, highest, trace);
        if (!comp.chose()) return none(comp, trace);
        DipTable.Comprehensive g = comp.chosen();
        return grouped(g.code(), g.name(), g.scorePpm(), g.averageCostFen(), trace);
    }

    private GroupResult grouped(String code, String name, long scorePpm, long averageCostFen, List<GroupStep> trace) {
        return new GroupResult(GroupResult.Outcome.GROUPED, Method.DIP, table.version, null, null, code, name, 0,
                scorePpm, averageCostFen, null, List.of(), trace);
    }

    private GroupResult none(Choice<?> why, List<GroupStep> trace) {
        GroupResult.Outcome outcome = why.ambiguous() ? GroupResult.Outcome.AMBIGUOUS : GroupResult.Outcome.UNGROUPABLE;
        return new GroupResult(outcome, Method.DIP, table.version, null, null, null, null, 0, 0, 0, why.reason(),
                why.candidates(), trace);
    }

    DipTable table() {
        return table;
    }
}
