package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * A run's hospitals against budgets agreed before the year (docs/sim.md#hospital-budgets): the totals over its
 * institutions and the same by institution level (village, township, level 1–3, in that order; {@code unknown} for an
 * institution without one).
 */
public record HospitalOutcome(String run, Totals total, List<Totals> byLevel) {
    public HospitalOutcome {
        byLevel = List.copyOf(byLevel);
    }

    /**
     * The year-ends of a group of institutions added up, in fen ({@link org.openyibao.engine.hospital.BudgetYearEnd}'s
     * figures): the budgets, the spending counted against them, the emergency's cases paid outside, the over-spend and
     * the under-spend (saving), what the fund pays of the over-spend (within and beyond the bound), what the
     * institutions bear, the saving they keep, the quality deposit the fund keeps, what the fund owes for the year, the
     * prepayments paid and the year-end balance (positive: the fund pays; negative: it claws back); and how many
     * institutions ended under their budget (or on it), over it within the bound, and beyond the bound.
     */
    public record Totals(String group, int institutions, long budgetFen, long spendingFen, long emergencyOutsideFen,
                         long overspendFen, long savingFen, long fundOverFen, long borneFen, long savingKeptFen,
                         long depositKeptFen, long totalDueFen, long prepaidFen, long balanceFen, int under,
                         int overWithinBound, int beyondBound) {

        /** Spending less the budget: positive over, negative under. */
        public long overUnderFen() {
            return spendingFen - budgetFen;
        }

        /** Institutions over their budget, within the bound or beyond it. */
        public int over() {
            return overWithinBound + beyondBound;
        }

        /** Spending as a share of the budget; NaN without a budget. */
        public double spendingShare() {
            return budgetFen == 0 ? Double.NaN : (double) spendingFen / budgetFen;
        }
    }
}
