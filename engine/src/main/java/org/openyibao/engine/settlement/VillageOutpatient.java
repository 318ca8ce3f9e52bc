package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;

/** A resident's visit to a village station: the outpatient card pays the in-scope cost up to its balance (seed 003 L1031). */
final class VillageOutpatient {
    PoolingPayment pay(VisitFacts f, LineGroup group, YearToDate ytd, boolean trace) {
        long room = Money.remaining(f.scheme().annualCap(f.contribution()).fen(), ytd.poolingPaid);
        long pays = Math.min(Math.min(group.inScope(), ytd.cardBalance), room);
        return new PoolingPayment(0, PoolingPayment.DeductibleCount.NONE, pays, pays > 0 ? Money.PPM : 0, 0, pays, 0,
                trace ? explain(f, group, ytd, pays) : null);
    }

    private static TraceEntry explain(VisitFacts f, LineGroup group, YearToDate ytd, long pays) {
        return TraceLog.entry("basic_pooling", "village station outpatient: the card pays " + Money.format(pays)
                        + " of in scope " + Money.format(group.inScope()) + "; card balance left "
                        + Money.format(ytd.cardBalance - pays), TraceWords.of("pooling_village").fen("pays", pays)
                        .fen("in_scope", group.inScope()).fen("card_left", ytd.cardBalance - pays), pays, f.scheme().outpatient().villageCardCredit().cited());
    }
}
