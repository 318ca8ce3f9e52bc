package org.openyibao.engine.calc;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.Visit;

/**
 * Settles a request's visits in date order, carrying the accumulators from one to the next. A visit the
 * pack or the engine refuses keeps its error code; the field names the visit ({@code visits[0].date} when
 * the pack has no rules that day, {@code visits[0].institution_level} when none for that level).
 */
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
            } catch (DomainException e) {
                String field = e.field() != null ? where + "." + e.field()
                        : e.code() == EngineError.NO_POLICY_ON_DATE ? where + ".date"
                        : e.code() == EngineError.NO_RULES_FOR_LEVEL ? where + ".institution_level"
                        : where;
                throw new DomainException(e.code(), field, field + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new CalcInputException(where + ".date: " + e.getMessage());
            }
        }
        return out;
    }
}
