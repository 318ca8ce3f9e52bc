package org.openyibao.engine.hospital;

import static org.openyibao.engine.hospital.Amounts.nonNegative;

/**
 * What an institution's year brought, in fen, for its year-end settlement against its budget: the budget, the fund
 * payments of its settled visits split into those counted against the budget and those of a declared emergency's
 * cases, the prepayments paid to it (less the deposit) and the quality deposit withheld, and whether it passed the
 * year's evaluation. Refused with the field named when an amount is negative.
 */
public record BudgetYearFigures(long budgetFen, long inBudgetSpendingFen, long emergencySpendingFen, long prepaidFen,
                                long depositFen, boolean evaluationPassed) {
    public BudgetYearFigures {
        nonNegative("budget", budgetFen);
        nonNegative("in_budget_spending", inBudgetSpendingFen);
        nonNegative("emergency_spending", emergencySpendingFen);
        nonNegative("prepaid", prepaidFen);
        nonNegative("deposit", depositFen);
    }

    /** The year of an institution whose prepayments were all paid as scheduled. */
    public static BudgetYearFigures of(AnnualBudget budget, PrepaymentSchedule prepayments, long inBudgetSpendingFen,
                                       long emergencySpendingFen, boolean evaluationPassed) {
        return new BudgetYearFigures(budget.annualFen(), inBudgetSpendingFen, emergencySpendingFen, prepayments.paidFen(),
                prepayments.depositFen(), evaluationPassed);
    }
}
