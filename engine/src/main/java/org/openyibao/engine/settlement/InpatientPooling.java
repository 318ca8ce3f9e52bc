package org.openyibao.engine.settlement;

import org.openyibao.engine.error.EngineError;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Amount;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.DeductibleBasis;
import org.openyibao.engine.policy.Ratio;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.SeriousIllnessRules;

/**
 * Inpatient pooling, also for special outpatient diseases (REFERENCE §3): (in scope − deductible) ×
 * the level's ratio, half-up, within what is left of the annual cap. The deductible is per admission
 * or per year as the pack says; a special disease's per visit, per year (a higher level pays only the
 * difference) or never; waived under the children's rule, whose ratio applies when higher.
 */
final class InpatientPooling {
    /** The deductible due and how it was decided. */
    private record Deductible(long due, String basis, String kind, Cited basisCited) {}

    PoolingPayment pay(VisitFacts f, LineGroup group, long deductibleEarlierInVisit, YearToDate ytd, boolean trace) {
        SchemeRules scheme = f.scheme();
        Amount deductibleRule = scheme.deductible(f.level());
        Ratio levelRatio = scheme.ratio(f.employment(), f.level());
        if (deductibleRule == null || levelRatio == null) {
            throw new SettlementException(EngineError.NO_RULES_FOR_LEVEL, "policy " + f.rules().region + " has no "
                    + f.person().scheme().key + " inpatient rules for institution level " + f.level().key + " on "
                    + f.visit().date());
        }
        Deductible due = deductibleDue(f, deductibleRule.fen(), deductibleEarlierInVisit, ytd);
        long deductible = Math.min(group.inScope(), due.due());
        Ratio ratio = ratioFor(f, levelRatio);
        long eligible = group.inScope() - deductible;
        long pool = Money.applyRatio(eligible, ratio.ppm());
        Amount cap = scheme.annualCap(f.contribution());
        long room = Money.remaining(cap.fen(), ytd.poolingPaid);
        long pays = Math.min(pool, room);
        // the part of the eligible cost the cap left unpaid, kept exact for the large-amount tier
        long cappedMicro = pool > room ? eligible * (long) ratio.ppm() - room * Money.PPM : 0;
        TraceEntry why = trace ? explain(f, group, deductible, due, ratio, pool, cap, ytd, pays) : null;
        return new PoolingPayment(deductible, f.specialOutpatient() ? PoolingPayment.DeductibleCount.SPECIAL_OUTPATIENT
                : PoolingPayment.DeductibleCount.INPATIENT, pays, ratio.ppm(), cappedMicro, 0, 0, why);
    }

    private static TraceEntry explain(VisitFacts f, LineGroup group, long deductible, Deductible due, Ratio ratio, long pool,
                                      Amount cap, YearToDate ytd, long pays) {
        SchemeRules scheme = f.scheme();
        SeriousIllnessRules si = f.rules().seriousIllness;
        return TraceLog.entry("basic_pooling", "(in scope " + Money.format(group.inScope()) + " − deductible "
                        + Money.format(deductible) + " [" + due.basis() + "]) × " + Money.formatRatio(ratio.ppm()) + " = "
                        + Money.format(pool) + "; annual cap " + Money.format(cap.fen()) + " with "
                        + Money.format(ytd.poolingPaid) + " used → pooling pays " + Money.format(pays),
                words(due.kind(), group.inScope(), deductible, ratio.ppm(), pool, cap.fen(), ytd, pays), pays,
                scheme.deductible(f.level()).cited(), due.basisCited(), ratio.cited(), cap.cited(),
                f.specialOutpatient() ? scheme.specialDiseasesCited() : null,
                f.child() ? si.children().diagnosesCited() : null);
    }

    /** Words as data: (in scope − deductible) × ratio = amount; the cap, what it had used, what pooling pays. */
    private static TraceWords.Builder words(String kind, long inScope, long deductible, int ratio, long pool, long cap,
                                            YearToDate ytd, long pays) {
        TraceWords.Builder w = TraceWords.of(kind).fen("in_scope", inScope).fen("deductible", deductible)
                .ppm("ratio", ratio).fen("amount", pool).fen("annual_cap", cap).fen("cap_used", ytd.poolingPaid)
                .fen("pays", pays);
        return "pooling_year".equals(kind) ? w.fen("deductible_paid_before", ytd.deductiblePaid) : w;
    }

    private static Deductible deductibleDue(VisitFacts f, long deductible, long earlierInVisit, YearToDate ytd) {
        SchemeRules scheme = f.scheme();
        if (f.child()) return new Deductible(0, "waived for a child's named serious illness", "pooling_child", scheme.deductibleBasisCited());
        if (f.specialOutpatient()) {
            // per year: a visit at a higher level pays only the difference (topping up the deductible on
            // referral upward), so the order of visits can matter
            long due = switch (scheme.specialDeductibleBasis()) {
                case NONE -> 0;
                case YEAR -> Math.max(0, deductible - ytd.specialDeductiblePaid);
                case VISIT -> Math.max(0, deductible - earlierInVisit);
            };
            return new Deductible(due, "special outpatient disease, deductible per " + scheme.specialDeductibleBasis().key,
                    "pooling_special", scheme.specialDeductibleBasisCited());
        }
        if (scheme.deductibleBasis() == DeductibleBasis.YEAR) {
            return new Deductible(Math.max(0, deductible - ytd.deductiblePaid), "per year, "
                    + Money.format(ytd.deductiblePaid) + " already paid", "pooling_year", scheme.deductibleBasisCited());
        }
        return new Deductible(Math.max(0, deductible - earlierInVisit), "per admission", "pooling_admission", scheme.deductibleBasisCited());
    }

    /** The level's ratio, or the children's rule's where it applies and is higher. */
    private static Ratio ratioFor(VisitFacts f, Ratio levelRatio) {
        if (!f.child()) return levelRatio;
        Ratio child = f.rules().seriousIllness.children().poolingRatio();
        return child.ppm() > levelRatio.ppm() ? child : levelRatio;
    }
}
