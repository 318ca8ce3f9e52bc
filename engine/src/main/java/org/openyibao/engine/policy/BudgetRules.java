package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.money.Money;

/**
 * The rules of hospitals' global budgets (总额控制) in force on a day, compiled from the pack's {@code hospital.budget.*}
 * values (docs/hospital-payment.md, docs/policy-packs.md): how an institution's annual budget is set and split by
 * month, the monthly prepayment and the quality deposit withheld from it, and the year-end rules for an under-spend,
 * an over-spend up to a bound and beyond it, and a declared emergency's cases. Every figure carries its {@link Cited}
 * source; another region's rules are other values, not other code. The arithmetic is in
 * {@code org.openyibao.engine.hospital}.
 *
 * @param basis {@link #LAST_YEAR_SPENDING} or {@link #SET_BY_HAND}
 * @param monthlySplit {@link #EQUAL_TWELFTHS} or {@link #LAST_YEAR_SHARES}
 * @param depositReturned {@link #AT_YEAR_END} or {@link #AFTER_EVALUATION}
 * @param overspendBound a multiple of the budget, in millionths (1.10 × the budget is 1,100,000)
 */
public record BudgetRules(String basis, Cited basisCited, Ratio growthRate, String monthlySplit, Cited monthlySplitCited,
                          Ratio prepaymentShare, Ratio depositWithheld, String depositReturned, Cited depositReturnedCited,
                          Ratio savingKept, Ratio overspendBound, Ratio overspendFundShare, Ratio beyondBoundFundShare,
                          boolean emergencyOutsideBudget, Cited emergencyCited) {

    static final String PREFIX = "hospital.budget.";
    public static final String LAST_YEAR_SPENDING = "last_year_spending";
    public static final String SET_BY_HAND = "set_by_hand";
    public static final String EQUAL_TWELFTHS = "equal_twelfths";
    public static final String LAST_YEAR_SHARES = "last_year_shares";
    public static final String AT_YEAR_END = "at_year_end";
    public static final String AFTER_EVALUATION = "after_evaluation";

    /** Whether the pack defines hospital budgets at all (any {@code hospital.budget.*} value). */
    public static boolean defined(PolicyPack pack) {
        return pack.parameters().keySet().stream().anyMatch(p -> p.startsWith(PREFIX));
    }

    /**
     * The rules in force on {@code date}, or null when the pack has none; rules with a value missing that day, or an
     * over-spend bound below the budget, are refused with every path at fault ({@link PolicyException}).
     */
    public static BudgetRules of(PolicyPack pack, LocalDate date) {
        if (!defined(pack)) return null;
        List<Problem> problems = new ArrayList<>();
        BudgetRules rules = compile(pack, date, problems);
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return rules;
    }

    /** As {@link #of}, adding what is wrong to {@code problems} (for the pack's check) instead of throwing. */
    static BudgetRules compile(PolicyPack pack, LocalDate date, List<Problem> problems) {
        ValuesOnDay r = new ValuesOnDay(pack, date, problems, "the hospital budget rules");
        Dated basis = r.dated(PREFIX + "basis");
        Ratio growth = r.ratio(PREFIX + "growth_rate");
        Dated split = r.dated(PREFIX + "monthly_split");
        Ratio prepayment = r.ratio(PREFIX + "prepayment_share");
        Ratio withheld = r.ratio(PREFIX + "quality_deposit.withheld_share");
        Dated returned = r.dated(PREFIX + "quality_deposit.returned");
        Ratio kept = r.ratio(PREFIX + "year_end.saving_kept");
        Ratio bound = r.ratio(PREFIX + "year_end.overspend_bound");
        Ratio fundShare = r.ratio(PREFIX + "year_end.overspend_fund_share");
        Ratio beyond = r.ratio(PREFIX + "year_end.beyond_bound_fund_share");
        Dated emergency = r.dated(PREFIX + "year_end.emergency_outside_budget");
        if (bound != null && bound.ppm() < Money.PPM) {
            String path = PREFIX + "year_end.overspend_bound";
            problems.add(new Problem(r.file(path), pack.parameters().get(path).line(), path,
                    "the over-spend bound is a multiple of the budget of at least 1, not " + bound.cited().value()));
        }
        if (!problems.isEmpty()) return null;
        return new BudgetRules((String) basis.value(), r.cite(PREFIX + "basis", basis), growth,
                (String) split.value(), r.cite(PREFIX + "monthly_split", split), prepayment, withheld,
                (String) returned.value(), r.cite(PREFIX + "quality_deposit.returned", returned),
                kept, bound, fundShare, beyond, (Boolean) emergency.value(),
                r.cite(PREFIX + "year_end.emergency_outside_budget", emergency));
    }
}
