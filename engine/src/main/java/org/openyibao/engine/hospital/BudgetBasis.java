package org.openyibao.engine.hospital;

import static org.openyibao.engine.hospital.Amounts.nonNegative;

import java.util.List;

/**
 * What an institution brings to its budget, in fen: last year's fund spending at it (in total and, when known, by
 * month, January first), and a budget set by hand for it (in its agreement with the agency), or null. Refused with
 * the field named when an amount is negative, the months are not twelve, or they do not add up to the year.
 */
public record BudgetBasis(long lastYearSpendingFen, Long setByHandFen, List<Long> lastYearMonthlyFen) {
    public BudgetBasis {
        nonNegative("last_year_spending", lastYearSpendingFen);
        if (setByHandFen != null) nonNegative("set_by_hand", setByHandFen);
        lastYearMonthlyFen = lastYearMonthlyFen == null ? List.of() : List.copyOf(lastYearMonthlyFen);
        if (!lastYearMonthlyFen.isEmpty()) {
            if (lastYearMonthlyFen.size() != 12) {
                throw new IllegalArgumentException("last_year_monthly_spending: 12 months are needed, not "
                        + lastYearMonthlyFen.size());
            }
            long sum = 0;
            for (int m = 0; m < 12; m++) sum += nonNegative("last_year_monthly_spending[" + (m + 1) + "]", lastYearMonthlyFen.get(m));
            if (sum != lastYearSpendingFen) {
                throw new IllegalArgumentException("last_year_monthly_spending: the 12 months add up to " + sum
                        + " fen, not last year's spending (" + lastYearSpendingFen + " fen)");
            }
        }
    }

    /** Last year's spending, without its months. */
    public static BudgetBasis lastYear(long spendingFen) {
        return new BudgetBasis(spendingFen, null, List.of());
    }

    /** Last year's spending by month, January first; the year is their sum. */
    public static BudgetBasis lastYearByMonth(List<Long> monthlyFen) {
        long sum = 0;
        for (Long m : monthlyFen) sum += m;
        return new BudgetBasis(sum, null, monthlyFen);
    }

    /** A budget set by hand for the institution. */
    public static BudgetBasis setByHand(long budgetFen) {
        return new BudgetBasis(0, budgetFen, List.of());
    }
}
