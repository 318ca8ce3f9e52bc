package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.OutpatientRules;

/**
 * A resident's visit to a township health centre (seed 003 L1031): above a per-visit deductible
 * (an emergency visit's two line groups share it), the ratio, within the yearly township limit.
 */
final class TownshipOutpatient {
    PoolingPayment pay(VisitFacts f, LineGroup group, long deductibleEarlierInVisit, YearToDate ytd, boolean trace) {
        OutpatientRules rules = f.scheme().outpatient();
        long deductible = Math.min(group.inScope(), Math.max(0, rules.townshipDeductible().fen() - deductibleEarlierInVisit));
        int ratio = rules.townshipRatio().ppm();
        long due = Money.applyRatio(group.inScope() - deductible, ratio);
        long room = Math.min(Money.remaining(rules.townshipLimit().fen(), ytd.townshipOutpatientPaid),
                Money.remaining(f.scheme().annualCap(f.contribution()).fen(), ytd.poolingPaid));
        long pays = Math.min(due, room);
        return new PoolingPayment(deductible, PoolingPayment.DeductibleCount.NONE, pays, ratio, 0, 0, pays,
                trace ? explain(rules, group, deductible, due, ytd, pays) : null);
    }

    private static TraceEntry explain(OutpatientRules rules, LineGroup group, long deductible, long due, YearToDate ytd,
                                      long pays) {
        return TraceLog.entry("basic_pooling", "township outpatient: (in scope " + Money.format(group.inScope()) + " − "
                        + Money.format(deductible) + ") × " + Money.formatRatio(rules.townshipRatio().ppm()) + " = "
                        + Money.format(due) + "; yearly limit " + Money.format(rules.townshipLimit().fen()) + " with "
                        + Money.format(ytd.townshipOutpatientPaid) + " used → pays " + Money.format(pays),
                TraceWords.of("pooling_township").fen("in_scope", group.inScope()).fen("deductible", deductible)
                        .ppm("ratio", rules.townshipRatio().ppm()).fen("amount", due)
                        .fen("yearly_limit", rules.townshipLimit().fen()).fen("limit_used", ytd.townshipOutpatientPaid)
                        .fen("pays", pays), pays,
                rules.townshipDeductible().cited(), rules.townshipRatio().cited(), rules.townshipLimit().cited());
    }
}
