package org.openyibao.engine.hospital;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.BudgetRules;

/**
 * An institution's year-end settlement against its budget (docs/hospital-payment.md), in fen: a pure calculation,
 * the year's figures and the budget rules in, what the fund owes for the year and the balance after the prepayments
 * out, with a readable step for each rule. Each share of an amount is rounded half-up once. The steps, in order:
 * <ol>
 * <li>a declared emergency's cases: paid in full outside the budget, or counted in it, as the rules say;</li>
 * <li>an under-spend: the institution keeps a share of the saving;</li>
 * <li>an over-spend: up to the bound, the fund pays a share; beyond it, the fund pays its (usually nil) share; the
 *     institution bears the rest;</li>
 * <li>the quality deposit: returned with the balance, or kept by the fund after a failed evaluation;</li>
 * <li>the balance: what the fund owes for the year less the prepayments paid; positive the fund pays it, negative the
 *     fund claws it back.</li>
 * </ol>
 * Money is conserved: {@code prepaid + balance = totalDue = spendingCounted − borne + savingKept + emergencyOutside −
 * depositKept}.
 *
 * @param spendingCountedFen the fund payments counted against the budget (with the emergency's when the rules keep
 *                           them inside)
 * @param boundFen the budget × the over-spend bound
 * @param inBudgetDueFen what the fund owes for the spending counted against the budget
 * @param totalDueFen what the fund owes for the year: the in-budget due, the emergency outside, less a deposit kept
 * @param balanceFen the total due less the prepayments paid: positive the fund pays it, negative it claws it back
 */
public record BudgetYearEnd(long budgetFen, long spendingCountedFen, long emergencyOutsideFen, long savingFen,
                            long savingKeptFen, long overspendFen, long boundFen, long fundWithinBoundFen,
                            long fundBeyondBoundFen, long borneFen, long inBudgetDueFen, long depositFen,
                            long depositReturnedFen, long depositKeptFen, long totalDueFen, long prepaidFen,
                            long balanceFen, List<BudgetStep> steps) {
    public BudgetYearEnd {
        steps = List.copyOf(steps);
    }

    /** The year-end of {@code in} under {@code rules}. */
    public static BudgetYearEnd of(BudgetYearFigures in, BudgetRules rules) {
        List<BudgetStep> steps = new ArrayList<>();
        long emergency = in.emergencySpendingFen();
        boolean outside = rules.emergencyOutsideBudget();
        long counted = in.inBudgetSpendingFen() + (outside ? 0 : emergency);
        long emergencyOutside = outside ? emergency : 0;
        if (emergency > 0) {
            steps.add(new BudgetStep("emergency cases", outside
                    ? format(emergency) + " paid for a declared emergency's cases, in full and outside the budget"
                    : format(emergency) + " paid for a declared emergency's cases, counted against the budget (these rules"
                    + " keep them inside it)", List.of(rules.emergencyCited()), emergencyOutside));
        }
        long budget = in.budgetFen();
        long bound = applyRatio(budget, rules.overspendBound().ppm());
        Against against = counted <= budget ? underSpend(budget, counted, rules, steps) : overSpend(budget, bound, counted, rules, steps);

        boolean returned = BudgetRules.AT_YEAR_END.equals(rules.depositReturned()) || in.evaluationPassed();
        long deposit = in.depositFen();
        long kept = returned ? 0 : Math.min(deposit, against.due + emergencyOutside);
        steps.add(new BudgetStep("quality deposit", deposit == 0 ? "nothing was withheld"
                : returned ? format(deposit) + " withheld in the year is returned with the balance"
                + (BudgetRules.AT_YEAR_END.equals(rules.depositReturned()) ? "" : " (the evaluation was passed)")
                : format(kept) + " of the " + format(deposit) + " withheld is kept by the fund (the evaluation was not passed)",
                List.of(rules.depositWithheld().cited(), rules.depositReturnedCited()), deposit - kept));

        long total = against.due + emergencyOutside - kept;
        long balance = total - in.prepaidFen();
        steps.add(new BudgetStep("year-end balance", format(against.due) + " in the budget + " + format(emergencyOutside)
                + " emergency − " + format(kept) + " deposit kept = " + format(total) + " due for the year; less "
                + format(in.prepaidFen()) + " prepaid = " + format(balance) + (balance >= 0 ? ": the fund pays " + format(balance)
                : ": the fund claws back " + format(-balance)), List.of(), balance));
        return new BudgetYearEnd(budget, counted, emergencyOutside, against.saving, against.savingKept, against.overspend,
                bound, against.fundWithin, against.fundBeyond, against.borne, against.due, deposit, deposit - kept, kept,
                total, in.prepaidFen(), balance, steps);
    }

    /** The spending counted against the budget, settled: what the fund owes for it and who bears what. */
    private record Against(long saving, long savingKept, long overspend, long fundWithin, long fundBeyond, long borne, long due) {}

    private static Against underSpend(long budget, long counted, BudgetRules rules, List<BudgetStep> steps) {
        long saving = budget - counted;
        long kept = applyRatio(saving, rules.savingKept().ppm());
        steps.add(new BudgetStep("under-spend", "spending " + format(counted) + " is " + format(saving) + " under the budget "
                + format(budget) + ": the institution keeps " + format(saving) + " × " + formatRatio(rules.savingKept().ppm())
                + " = " + format(kept) + "; due " + format(counted) + " + " + format(kept) + " = " + format(counted + kept),
                List.of(rules.savingKept().cited()), kept));
        return new Against(saving, kept, 0, 0, 0, 0, counted + kept);
    }

    private static Against overSpend(long budget, long bound, long counted, BudgetRules rules, List<BudgetStep> steps) {
        long over = counted - budget;
        long within = Math.min(counted, bound) - budget;
        long fundWithin = applyRatio(within, rules.overspendFundShare().ppm());
        steps.add(new BudgetStep("over-spend within the bound", "spending " + format(counted) + " is " + format(over)
                + " over the budget " + format(budget) + "; up to the bound " + format(budget) + " × "
                + formatRatio(rules.overspendBound().ppm()) + " = " + format(bound) + ", " + format(within) + " × "
                + formatRatio(rules.overspendFundShare().ppm()) + " paid by the fund = " + format(fundWithin)
                + ", the institution bears " + format(within - fundWithin),
                List.of(rules.overspendBound().cited(), rules.overspendFundShare().cited()), fundWithin));
        long beyond = Math.max(0, counted - bound);
        long fundBeyond = applyRatio(beyond, rules.beyondBoundFundShare().ppm());
        if (beyond > 0) {
            steps.add(new BudgetStep("over-spend beyond the bound", format(beyond) + " beyond the bound " + format(bound)
                    + " × " + formatRatio(rules.beyondBoundFundShare().ppm()) + " paid by the fund = " + format(fundBeyond)
                    + ", the institution bears " + format(beyond - fundBeyond),
                    List.of(rules.overspendBound().cited(), rules.beyondBoundFundShare().cited()), fundBeyond));
        }
        long borne = over - fundWithin - fundBeyond;
        return new Against(0, 0, over, fundWithin, fundBeyond, borne, budget + fundWithin + fundBeyond);
    }
}
