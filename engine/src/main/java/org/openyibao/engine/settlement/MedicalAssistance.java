package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.AssistanceRules;
import org.openyibao.engine.policy.SeriousIllnessRules;

/**
 * Medical assistance for the poor ({@code maf_pay}, REFERENCE §2): by poverty category, the ratio
 * applied to the year's cumulative in-scope self-pay after insurance above the threshold, within
 * the yearly cap; inpatient rules only. Under the children's rule (seed 003 L1056) the fund first
 * adds its share of the in-scope cost, counted toward the category's cap where it has one.
 */
final class MedicalAssistance {
    AssistancePayment pay(VisitFacts f, GroupPayments paid, YearToDate ytd, boolean trace) {
        AssistanceRules.CategoryRule rule = f.rules().assistance == null ? null : f.rules().assistance.of(f.category());
        long childShare = f.child() ? childShare(f, paid, rule, ytd) : 0;
        TraceEntry childWhy = trace && f.child() ? explainChild(f, paid, childShare) : null;
        if (!f.inpatientRules() || rule == null) {
            return new AssistancePayment(childShare, 0, 0, childWhy, trace && !f.child() ? none(f) : null);
        }
        long increment = paid.inScopeLeft() - childShare;
        long from = ytd.assistanceBase;
        long to = from + increment;
        int ratio = rule.ratio().ppm();
        long threshold = rule.threshold().fen();
        long due = Money.applyRatio(Math.max(0, to - threshold), ratio) - Money.applyRatio(Math.max(0, from - threshold), ratio);
        long used = ytd.assistancePaid + childShare;
        long pays = Math.min(Math.min(due, Money.remaining(rule.annualCap().fen(), used)), increment);
        TraceEntry why = trace ? explain(f, rule, from, to, due, used, pays) : null;
        return new AssistancePayment(childShare, pays, increment, childWhy, why);
    }

    private static TraceEntry none(VisitFacts f) {
        return TraceLog.entry("medical_assistance", f.category().key + ": no medical assistance for this visit",
                TraceWords.of("assistance_none"), 0);
    }

    private static TraceEntry explain(VisitFacts f, AssistanceRules.CategoryRule rule, long from, long to, long due, long used,
                                      long pays) {
        return TraceLog.entry("medical_assistance", f.category().key + ": cumulative self-pay after insurance "
                        + Money.format(from) + " → " + Money.format(to) + ", above threshold "
                        + Money.format(rule.threshold().fen()) + " × " + Money.formatRatio(rule.ratio().ppm()) + " = "
                        + Money.format(due) + "; yearly cap " + Money.format(rule.annualCap().fen()) + " with "
                        + Money.format(used) + " used → pays " + Money.format(pays),
                TraceWords.of("assistance").fen("base_before", from).fen("base_after", to)
                        .fen("threshold", rule.threshold().fen()).ppm("ratio", rule.ratio().ppm()).fen("amount", due)
                        .fen("yearly_cap", rule.annualCap().fen()).fen("cap_used", used).fen("pays", pays), pays,
                rule.threshold().cited(), rule.ratio().cited(), rule.annualCap().cited());
    }

    /** The children's rule: the fund adds its ratio of the in-scope cost, within the category's cap where it has one. */
    private static long childShare(VisitFacts f, GroupPayments paid, AssistanceRules.CategoryRule rule, YearToDate ytd) {
        int ratio = f.rules().seriousIllness.children().assistanceRatio().ppm();
        long share = Math.min(Money.applyRatio(paid.group.inScope(), ratio), paid.inScopeLeft());
        return rule == null ? share : Math.min(share, Money.remaining(rule.annualCap().fen(), ytd.assistancePaid));
    }

    private static TraceEntry explainChild(VisitFacts f, GroupPayments paid, long share) {
        SeriousIllnessRules.ChildrenRule children = f.rules().seriousIllness.children();
        return TraceLog.entry("medical_assistance", "child's named serious illness: in scope "
                        + Money.format(paid.group.inScope()) + " × " + Money.formatRatio(children.assistanceRatio().ppm())
                        + " → pays " + Money.format(share), TraceWords.of("assistance_child")
                        .fen("in_scope", paid.group.inScope()).ppm("ratio", children.assistanceRatio().ppm())
                        .fen("pays", share), share,
                children.assistanceRatio().cited(), children.maxAgeCited());
    }
}
