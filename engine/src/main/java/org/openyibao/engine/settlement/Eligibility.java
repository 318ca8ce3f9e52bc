package org.openyibao.engine.settlement;

import java.time.LocalDate;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.Tier;

/**
 * Whether the person is covered for this visit: a list of small named rules (in the manner of
 * ddd-by-examples' placing-on-hold policies), each passing or giving an {@link Ineligibility} with
 * its code, its words and the pack value that decided it. The first rule that refuses decides.
 * Waiting period and arrears apply only where the scheme lists the {@code eligibility} tier.
 */
final class Eligibility {
    /** One rule: null when the visit passes it, else why not. */
    interface Rule {
        Ineligibility check(VisitFacts facts);
    }

    /** Only the insured are paid by the funds; the uninsured may still get emergency cover. */
    static final class Insured implements Rule {
        @Override
        public Ineligibility check(VisitFacts f) {
            return f.person().insured() ? null
                    : new Ineligibility(Ineligibility.Reason.NOT_INSURED, "not insured", null);
        }
    }

    /** Benefits cover visits from the day contributions (enrolment) began. */
    static final class Enrolled implements Rule {
        @Override
        public Ineligibility check(VisitFacts f) {
            LocalDate since = f.person().enrolledSince();
            if (!f.visit().date().isBefore(since)) return null;
            return new Ineligibility(Ineligibility.Reason.BEFORE_ENROLMENT,
                    "not enrolled on " + f.visit().date() + " (enrolled from " + since + ")", null);
        }
    }

    /** seed 003 L1060: benefits from the first day of the month the waiting period ends (REFERENCE §3 DECISION). */
    static final class WaitingPeriodPassed implements Rule {
        @Override
        public Ineligibility check(VisitFacts f) {
            SchemeRules scheme = f.scheme();
            LocalDate since = f.person().enrolledSince();
            LocalDate coveredFrom = scheme.waitingMonths() == 0 ? since
                    : since.withDayOfMonth(1).plusMonths(scheme.waitingMonths());
            if (!f.visit().date().isBefore(coveredFrom)) return null;
            return new Ineligibility(Ineligibility.Reason.WAITING_PERIOD, "waiting period: contributions started " + since
                    + ", benefits from " + coveredFrom, scheme.waitingCited());
        }
    }

    /** seed 003 L1060: those who fail to pay in full cannot enjoy the treatment. */
    static final class ContributionsPaid implements Rule {
        @Override
        public Ineligibility check(VisitFacts f) {
            if (!f.person().arrears() || !f.scheme().arrearsSuspend()) return null;
            return new Ineligibility(Ineligibility.Reason.ARREARS_SUSPENDED, "benefits suspended for arrears",
                    f.scheme().arrearsCited());
        }
    }

    private static final Insured INSURED = new Insured();
    private static final Enrolled ENROLLED = new Enrolled();
    private static final WaitingPeriodPassed WAITING_PERIOD_PASSED = new WaitingPeriodPassed();
    private static final ContributionsPaid CONTRIBUTIONS_PAID = new ContributionsPaid();

    private Eligibility() {}

    /** Null when the person is covered for the visit, else the first reason not. */
    static Ineligibility check(VisitFacts f) {
        Ineligibility why = INSURED.check(f);
        if (why != null || !f.scheme().has(Tier.ELIGIBILITY)) return why;
        // the scheme's own rules in the order they are asked (named call sites, so the hot path inlines them)
        why = ENROLLED.check(f);
        if (why == null) why = WAITING_PERIOD_PASSED.check(f);
        if (why == null) why = CONTRIBUTIONS_PAID.check(f);
        return why;
    }

    static TraceEntry explain(VisitFacts f, Ineligibility why) {
        SchemeRules scheme = f.scheme();
        String text = why == null
                ? "eligible: " + f.person().scheme().key + " insured, enrolled from " + f.person().enrolledSince()
                : "not eligible (" + why.code() + "), settled without insurance: " + why.explanation();
        return TraceLog.entry("eligibility", text, TraceWords.of(why == null ? "eligible" : "not_eligible"), 0, scheme == null ? null : scheme.waitingCited(),
                scheme == null ? null : scheme.arrearsCited());
    }
}
