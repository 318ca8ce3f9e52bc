package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * One designated institution's year in a run ({@code RUN/institutions.parquet}, docs/sim.md#hospital-budgets): its code,
 * name, level and kind as the population lists them, the visits settled there, and the basic pooling funds' payments on
 * them in fen ({@code hifp_pay}, the basic pooling fund's, as the platform budgets it): those counted
 * against its budget (in total and month by month, January first) and those of a declared emergency's cases, which
 * the budget rules may pay outside it.
 */
public record InstitutionYear(String code, String name, String level, String kind, long visits, long inBudgetFen,
                              long emergencyFen, List<Long> monthlyFen) {
    public InstitutionYear {
        monthlyFen = List.copyOf(monthlyFen);
        if (monthlyFen.size() != 12) throw new IllegalArgumentException(code + ": 12 months are needed, not " + monthlyFen.size());
        long sum = 0;
        for (long m : monthlyFen) sum += m;
        if (sum != inBudgetFen) {
            throw new IllegalArgumentException(code + ": the months add up to " + sum + " fen, not the year's " + inBudgetFen);
        }
    }
}
