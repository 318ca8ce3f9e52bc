package org.openyibao.engine.settlement;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Amount;
import org.openyibao.engine.policy.Bands;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.SeriousIllnessRules;

/**
 * Serious-illness insurance ({@code hifmi_pay}): marginal bands on the year's cumulative in-scope
 * self-pay (seed 003 L1319 "piecewise calculation, cumulative payment"; REFERENCE §3 DECISION:
 * in-scope self-pay only). Paying round(f(after)) − round(f(before)) keeps the year's sum equal to
 * round(f(year)). Within the combined basic + serious-illness cap and any cap of its own.
 */
final class SeriousIllness {
    SeriousIllnessPayment pay(VisitFacts f, GroupPayments paid, YearToDate ytd, boolean trace) {
        SeriousIllnessRules si = f.rules().seriousIllness;
        if (!f.inpatientRules() && !si.includeGeneralOutpatient()) {
            return new SeriousIllnessPayment(0, 0, trace ? TraceLog.entry("serious_illness", "general "
                    + f.visit().type().key + " does not count toward serious illness", TraceWords.of("serious_illness_not_counted"), 0, si.includeGeneralOutpatientCited())
                    : null);
        }
        Bands bands = si.bands(f.category());
        long increment = paid.inScopeLeft();
        long from = ytd.seriousIllnessBase;
        long to = from + increment;
        long due = Money.roundMicro(bands.micro(to)) - Money.roundMicro(bands.micro(from));
        Amount combined = si.combinedCap(f.category(), f.contribution());
        Amount alone = si.annualCap(f.category(), f.contribution());
        long room = Math.min(Money.remaining(combined.fen(), ytd.poolingPaid + ytd.seriousIllnessPaid),
                Money.remaining(alone.fen(), ytd.seriousIllnessPaid));
        long pays = Math.min(Math.min(due, room), increment);
        TraceEntry why = trace ? explain(f, bands, from, to, due, combined, alone, ytd, pays) : null;
        return new SeriousIllnessPayment(increment, pays, why);
    }

    private static TraceEntry explain(VisitFacts f, Bands bands, long from, long to, long due, Amount combined,
                                      Amount alone, YearToDate ytd, long pays) {
        StringBuilder s = new StringBuilder();
        s.append("cumulative in-scope self-pay ").append(Money.format(from)).append(" → ").append(Money.format(to))
                .append("; bands (").append(f.category().key).append(") give ").append(Money.format(due))
                .append("; basic + serious-illness cap ").append(Money.format(combined.fen())).append(" with ")
                .append(Money.format(ytd.poolingPaid + ytd.seriousIllnessPaid)).append(" used");
        if (alone.fen() != Money.UNLIMITED) {
            s.append("; serious-illness cap ").append(Money.format(alone.fen())).append(" with ")
                    .append(Money.format(ytd.seriousIllnessPaid)).append(" used");
        }
        s.append(" → pays ").append(Money.format(pays));
        List<Cited> cited = new ArrayList<>(bands.cited());
        cited.add(combined.cited());
        cited.add(alone.cited());
        TraceWords.Builder w = TraceWords.of(alone.fen() != Money.UNLIMITED ? "serious_illness_own_cap" : "serious_illness")
                .fen("base_before", from).fen("base_after", to).fen("amount", due).fen("combined_cap", combined.fen())
                .fen("combined_used", ytd.poolingPaid + ytd.seriousIllnessPaid).fen("pays", pays);
        if (alone.fen() != Money.UNLIMITED) w.fen("own_cap", alone.fen()).fen("own_used", ytd.seriousIllnessPaid);
        return TraceLog.entry("serious_illness", s.toString(), w, pays, cited.toArray(new Cited[0]));
    }
}
