package org.openyibao.engine.casepay;

import java.util.List;

import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.GroupStep;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/** Group results and cases made by hand, for the case payment's tests (no grouper needed). */
final class Cases {
    private Cases() {}

    static GroupResult drg(String code, long weightPpm, long averageCostFen) {
        return new GroupResult(GroupResult.Outcome.GROUPED, Method.DRG, "illustrative-drg-1", "G", code.substring(0, 3),
                code, "a DRG group", weightPpm, 0, averageCostFen, null, List.of(),
                List.of(new GroupStep("DRG", code, "made by hand")));
    }

    static GroupResult dip(String code, long scorePpm, long averageCostFen) {
        return new GroupResult(GroupResult.Outcome.GROUPED, Method.DIP, "illustrative-dip-1", null, null, code,
                "a DIP group", 0, scorePpm, averageCostFen, null, List.of(), List.of(new GroupStep("DIP", code, "made by hand")));
    }

    static GroupResult ungroupable(Method method) {
        return new GroupResult(GroupResult.Outcome.UNGROUPABLE, method, "illustrative-" + method.key + "-1", null, null,
                null, null, 0, 0, 0, "unknown-principal", List.of(), List.of());
    }

    static CaseToPay at(GroupResult g, long costFen, Level level, int days, boolean emergency) {
        return new CaseToPay("c1", g, costFen, level, days, DischargeType.ORDERED, emergency, Scheme.EMPLOYEE);
    }
}
