package org.openyibao.engine.casepay;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.money.Money;

/** The first line of every case's trace: its group, as the grouper found it. */
final class Steps {
    private Steps() {}

    static List<CasePaymentStep> start(CaseToPay c) {
        List<CasePaymentStep> steps = new ArrayList<>();
        GroupResult g = c.group();
        String what = g.grouped()
                ? "case " + c.caseId() + " is in " + g.method().name() + " group " + g.code() + " (" + g.name() + ")"
                + (g.weightPpm() > 0 ? ", weight " + Points.format(g.weightPpm()) : "")
                + (g.scorePpm() > 0 ? ", score " + Points.format(g.scorePpm()) : "")
                + ", average cost " + Money.format(g.averageCostFen()) + " (table " + g.version() + "); its cost is "
                + Money.format(c.costFen())
                : "case " + c.caseId() + " has no group: " + g.outcome().name().toLowerCase()
                + (g.reason() == null ? "" : " (" + g.reason() + ")")
                + (g.candidates().isEmpty() ? "" : ", candidates " + String.join(", ", g.candidates()));
        steps.add(new CasePaymentStep("group", what, List.of()));
        return steps;
    }
}
