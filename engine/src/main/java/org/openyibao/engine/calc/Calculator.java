package org.openyibao.engine.calc;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.SettlementException;
import org.openyibao.engine.settlement.Visit;

/** Settles a request's visits in date order, carrying the accumulators from one to the next. */
public final class Calculator {
    private Calculator() {}

    public static List<Settlement> settle(CalcRequest request) {
        List<Settlement> out = new ArrayList<>();
        Accumulators acc = request.accumulators();
        for (int i = 0; i < request.visits().size(); i++) {
            Visit v = request.visits().get(i);
            String where = "visits[" + request.inputIndexes().get(i) + "]";
            try {
                Rules rules = request.pack().asOf(v.date());
                Settlement s = SettlementEngine.settle(rules, request.person(), v, acc, request.trace());
                out.add(s);
                acc = s.after();
            } catch (NoPolicyException | SettlementException | IllegalArgumentException e) {
                throw new CalcInputException(where + ".date: " + e.getMessage());
            }
        }
        return out;
    }
}
