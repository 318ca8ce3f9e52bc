package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The DRG grouper of one table version (CHS-DRG 1.1, §3): case check, MDC, ADRG, complications, DRG, each step adding
 * its reason to the trace. Pure, deterministic and total: an ungroupable or ambiguous case is a result with a reason.
 * Immutable once loaded: one instance serves every thread.
 */
public final class DrgGrouper implements Grouper {
    private final DrgTable table;

    DrgGrouper(DrgTable table) {
        this.table = table;
    }

    /** The grouper of a DRG table version read from its files (docs/grouping.md). */
    public static DrgGrouper of(TableVersion v) {
        if (v.method() != Method.DRG) throw Csv.invalid(v.version() + "/version.yaml", 0, "method is not drg");
        return new DrgGrouper(DrgTable.load(v));
    }

    @Override
    public Method method() {
        return Method.DRG;
    }

    @Override
    public String version() {
        return table.version;
    }

    @Override
    public GroupResult group(DischargedCase c) {
        List<GroupStep> trace = new ArrayList<>(6);
        Choice<DischargedCase> checked = CaseCheck.check(c, trace);
        if (!checked.chose()) return ungroupable(null, null, checked, trace);
        Choice<DrgTable.Mdc> mdc = MdcStep.choose(table, c, trace);
        if (!mdc.chose()) return ungroupable(null, null, mdc, trace);
        Choice<DrgTable.Adrg> adrg = AdrgStep.choose(table, mdc.chosen(), c, trace);
        if (!adrg.chose()) return ungroupable(mdc.chosen().code(), null, adrg, trace);
        DrgTable.Level level = ComplicationStep.choose(table, c, trace).chosen();
        Choice<DrgTable.Drg> drg = SplitStep.choose(table, adrg.chosen(), level, c, trace);
        if (!drg.chose()) return ungroupable(mdc.chosen().code(), adrg.chosen().code(), drg, trace);
        DrgTable.Drg d = drg.chosen();
        return new GroupResult(GroupResult.Outcome.GROUPED, Method.DRG, table.version, mdc.chosen().code(),
                d.adrg(), d.code(), d.name(), d.weightPpm(), 0, d.averageCostFen(), null, List.of(), trace);
    }

    private GroupResult ungroupable(String mdc, String adrg, Choice<?> why, List<GroupStep> trace) {
        GroupResult.Outcome outcome = why.ambiguous() ? GroupResult.Outcome.AMBIGUOUS : GroupResult.Outcome.UNGROUPABLE;
        return new GroupResult(outcome, Method.DRG, table.version, mdc, adrg, null, null, 0, 0, 0, why.reason(),
                why.candidates(), trace);
    }

    DrgTable table() {
        return table;
    }
}
