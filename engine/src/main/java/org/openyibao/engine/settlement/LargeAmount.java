package org.openyibao.engine.settlement;

import java.math.BigInteger;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Amount;
import org.openyibao.engine.policy.Ratio;

/**
 * Large-amount cover ({@code hifob_pay}, REFERENCE §2: employees' 400,000): a share of the eligible
 * cost the basic annual cap left unpaid — the capped pooling money ÷ the pooling ratio — within its
 * yearly limit. Rounded half-up once, from the exact fen × ppm the pooling tier kept.
 */
final class LargeAmount {
    Payment pay(VisitFacts f, GroupPayments paid, YearToDate ytd, boolean trace) {
        Amount limit = f.scheme().largeLimit(f.contribution());
        if (paid.cappedMicro <= 0 || paid.poolingRatio == 0) {
            return new Payment(0, trace ? TraceLog.entry("large_amount", "basic annual cap not reached: nothing above it",
                    TraceWords.of("large_amount_not_reached"), 0,
                    limit.cited()) : null);
        }
        Ratio ratio = f.scheme().largeRatio(f.level());
        int ppm = ratio == null ? 0 : ratio.ppm();
        long poolingRatio = paid.poolingRatio;
        // unpaid cost = capped pooling money / pooling ratio; subsidy = unpaid cost × ratio, rounded once
        long due = BigInteger.valueOf(paid.cappedMicro).multiply(BigInteger.valueOf(ppm))
                .add(BigInteger.valueOf(poolingRatio * Money.PPM / 2))
                .divide(BigInteger.valueOf(poolingRatio * Money.PPM)).longValueExact();
        long room = Money.remaining(limit.fen(), ytd.largeAmountPaid);
        long pays = Math.min(Math.min(due, room), paid.inScopeLeft());
        return new Payment(pays, trace ? explain(paid, ratio, ppm, due, limit, ytd, pays) : null);
    }

    private static TraceEntry explain(GroupPayments paid, Ratio ratio, int ppm, long due, Amount limit, YearToDate ytd,
                                      long pays) {
        long poolingRatio = paid.poolingRatio;
        return TraceLog.entry("large_amount", "cost above the basic cap "
                        + Money.format((paid.cappedMicro + poolingRatio / 2) / poolingRatio) + " × " + Money.formatRatio(ppm)
                        + " = " + Money.format(due) + "; yearly limit " + Money.format(limit.fen()) + " with "
                        + Money.format(ytd.largeAmountPaid) + " used → pays " + Money.format(pays),
                TraceWords.of("large_amount").fen("above_cap", (paid.cappedMicro + poolingRatio / 2) / poolingRatio)
                        .ppm("ratio", ppm).fen("amount", due).fen("yearly_limit", limit.fen())
                        .fen("limit_used", ytd.largeAmountPaid).fen("pays", pays), pays,
                ratio == null ? null : ratio.cited(), limit.cited());
    }
}
