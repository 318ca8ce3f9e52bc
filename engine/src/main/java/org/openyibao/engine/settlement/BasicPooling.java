package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.Level;

/**
 * Basic pooling ({@code hifp_pay}): inpatient rules for admissions and special outpatient diseases;
 * for residents' general outpatient visits, the village card or the township rules; nothing for any
 * other general outpatient visit or pharmacy purchase.
 */
final class BasicPooling {
    private final InpatientPooling inpatient = new InpatientPooling();
    private final VillageOutpatient village = new VillageOutpatient();
    private final TownshipOutpatient township = new TownshipOutpatient();

    PoolingPayment pay(VisitFacts f, LineGroup group, long deductibleEarlierInVisit, YearToDate ytd, boolean trace) {
        if (f.inpatientRules()) return inpatient.pay(f, group, deductibleEarlierInVisit, ytd, trace);
        if (f.residentsOutpatientAt(Level.VILLAGE)) return village.pay(f, group, ytd, trace);
        if (f.residentsOutpatientAt(Level.TOWNSHIP)) return township.pay(f, group, deductibleEarlierInVisit, ytd, trace);
        return PoolingPayment.nothing(trace ? TraceLog.entry("basic_pooling", "general " + f.visit().type().key + " at "
                + f.level().key + " is not paid by the " + f.person().scheme().key + "s' pooling fund under this pack",
                TraceWords.of("pooling_not_paid"), 0)
                : null);
    }
}
