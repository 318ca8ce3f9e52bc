package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.hospital.AnnualBudget;
import org.openyibao.engine.hospital.BudgetBasis;
import org.openyibao.engine.hospital.BudgetYearEnd;
import org.openyibao.engine.hospital.BudgetYearFigures;
import org.openyibao.engine.hospital.PrepaymentSchedule;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.Level;

/**
 * The hospitals' budgets and year-ends of the evaluation (docs/sim.md#hospital-budgets). A one-year simulation has no
 * last year to set budgets from, so the budgets are agreed before the year from the baseline run's spending: each
 * institution's budget is the baseline's in-budget pooling payments there, by month, under the baseline's rules
 * ({@link AnnualBudget}: × (1 + growth), split by month; {@link PrepaymentSchedule}: prepaid monthly, the deposit
 * withheld). Every run, the baseline too, is then settled against them at the year-end under its own rules
 * ({@link BudgetYearEnd}), the evaluation passed (DECISION, docs/decisions.md#sim-hospital-budgets). The baseline thus
 * ends under every budget by the growth rate, by construction: it is the reference, a reform's difference from it is
 * the finding.
 */
final class HospitalBudgets {
    /** The group of an institution without a level. */
    static final String UNKNOWN = "unknown";

    private HospitalBudgets() {
    }

    /** Each run's outcome, the baseline first; none when the baseline records no institutions or no budget rules. */
    static List<HospitalOutcome> of(List<String> labels, List<RunInput> runs) {
        HospitalFigures base = hospitals(runs.get(0));
        List<HospitalOutcome> out = new ArrayList<>();
        if (base == null || base.rules() == null) return out;
        for (int k = 0; k < runs.size(); k++) {
            HospitalFigures year = hospitals(runs.get(k));
            if (year != null && year.rules() != null) out.add(outcome(labels.get(k), base, year));
        }
        return out;
    }

    private static HospitalFigures hospitals(RunInput r) {
        return r.funds() == null ? null : r.funds().hospitals();
    }

    /**
     * The year-ends of {@code year}'s institutions against budgets set from {@code baseline}'s: every institution with
     * pooling payments in either (an institution with none in the baseline has a budget of 0).
     */
    static HospitalOutcome outcome(String run, HospitalFigures baseline, HospitalFigures year) {
        Map<String, InstitutionYear> before = new HashMap<>();
        for (InstitutionYear i : baseline.institutions()) before.put(i.code(), i);
        Map<String, InstitutionYear> now = new LinkedHashMap<>();
        for (InstitutionYear i : year.institutions()) now.put(i.code(), i);
        for (InstitutionYear i : baseline.institutions()) now.putIfAbsent(i.code(), empty(i));
        Map<String, Sum> byLevel = new LinkedHashMap<>();
        for (Level l : Level.values()) byLevel.put(l.key, new Sum(l.key));
        Sum total = new Sum("total");
        for (InstitutionYear i : now.values()) {
            InstitutionYear b = before.getOrDefault(i.code(), empty(i));
            if (b.inBudgetFen() + b.emergencyFen() + i.inBudgetFen() + i.emergencyFen() == 0) continue;
            BudgetYearEnd y = yearEnd(b, i, baseline.rules(), year.rules());
            String level = i.level() != null ? i.level() : b.level() != null ? b.level() : UNKNOWN;
            total.add(y);
            byLevel.computeIfAbsent(level, Sum::new).add(y);
        }
        List<HospitalOutcome.Totals> levels = new ArrayList<>();
        for (Sum s : byLevel.values()) if (s.institutions > 0) levels.add(s.totals());
        return new HospitalOutcome(run, total.totals(), levels);
    }

    /**
     * One institution's year-end: the budget from last year's ({@code before}'s) in-budget payments by month and the
     * prepayments under {@code budgetRules}, the year-end of {@code now}'s payments under {@code yearEndRules}.
     */
    static BudgetYearEnd yearEnd(InstitutionYear before, InstitutionYear now, BudgetRules budgetRules, BudgetRules yearEndRules) {
        AnnualBudget budget = AnnualBudget.of(budgetRules, BudgetBasis.lastYearByMonth(before.monthlyFen()));
        PrepaymentSchedule prepayments = PrepaymentSchedule.of(budgetRules, budget);
        return BudgetYearEnd.of(BudgetYearFigures.of(budget, prepayments, now.inBudgetFen(), now.emergencyFen(), true),
                yearEndRules);
    }

    private static InstitutionYear empty(InstitutionYear i) {
        return new InstitutionYear(i.code(), i.name(), i.level(), i.kind(), 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
    }

    /** A group's year-ends being added up. */
    private static final class Sum {
        final String group;
        int institutions, under, within, beyond;
        long budget, spending, emergency, over, saving, fundOver, borne, kept, depositKept, due, prepaid, balance;

        Sum(String group) {
            this.group = group;
        }

        void add(BudgetYearEnd y) {
            institutions++;
            if (y.overspendFen() == 0) under++;
            else if (y.spendingCountedFen() <= y.boundFen()) within++;
            else beyond++;
            budget += y.budgetFen();
            spending += y.spendingCountedFen();
            emergency += y.emergencyOutsideFen();
            over += y.overspendFen();
            saving += y.savingFen();
            fundOver += y.fundWithinBoundFen() + y.fundBeyondBoundFen();
            borne += y.borneFen();
            kept += y.savingKeptFen();
            depositKept += y.depositKeptFen();
            due += y.totalDueFen();
            prepaid += y.prepaidFen();
            balance += y.balanceFen();
        }

        HospitalOutcome.Totals totals() {
            return new HospitalOutcome.Totals(group, institutions, budget, spending, emergency, over, saving, fundOver, borne,
                    kept, depositKept, due, prepaid, balance, under, within, beyond);
        }
    }
}
