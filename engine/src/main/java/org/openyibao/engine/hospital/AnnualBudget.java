package org.openyibao.engine.hospital;

import static org.openyibao.engine.money.Money.PPM;
import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.BudgetRules;

/**
 * An institution's annual budget (总额控制) and its twelve monthly budgets, January first, in fen
 * (docs/hospital-payment.md). The year is last year's spending × (1 + growth rate), rounded half-up once, or the
 * figure set by hand for the institution, which wins under either basis. The months are equal twelfths or last year's
 * monthly shares, each rounded down to the fen, the remainder in December: they always add up to the year.
 */
public record AnnualBudget(long annualFen, List<Long> monthlyFen, List<BudgetStep> steps) {
    public AnnualBudget {
        monthlyFen = List.copyOf(monthlyFen);
        steps = List.copyOf(steps);
    }

    public static AnnualBudget of(BudgetRules rules, BudgetBasis basis) {
        List<BudgetStep> steps = new ArrayList<>();
        long annual = annual(rules, basis, steps);
        List<Long> months = monthly(annual, rules, basis, steps);
        return new AnnualBudget(annual, months, steps);
    }

    private static long annual(BudgetRules rules, BudgetBasis basis, List<BudgetStep> steps) {
        if (basis.setByHandFen() != null) {
            steps.add(new BudgetStep("annual budget", "set by hand for this institution: " + format(basis.setByHandFen()),
                    List.of(rules.basisCited()), basis.setByHandFen()));
            return basis.setByHandFen();
        }
        if (BudgetRules.SET_BY_HAND.equals(rules.basis())) {
            throw new IllegalArgumentException("set_by_hand: the budget rules set each institution's budget by hand"
                    + " (hospital.budget.basis), and this institution has none");
        }
        int growth = rules.growthRate().ppm();
        long annual = applyRatio(basis.lastYearSpendingFen(), PPM + growth);
        steps.add(new BudgetStep("annual budget", "last year's spending " + format(basis.lastYearSpendingFen()) + " × (1 + "
                + formatRatio(growth) + " growth) = " + format(annual),
                List.of(rules.basisCited(), rules.growthRate().cited()), annual));
        return annual;
    }

    private static List<Long> monthly(long annual, BudgetRules rules, BudgetBasis basis, List<BudgetStep> steps) {
        long lastYear = basis.lastYearSpendingFen();
        boolean byShares = BudgetRules.LAST_YEAR_SHARES.equals(rules.monthlySplit());
        if (byShares && !basis.lastYearMonthlyFen().isEmpty() && lastYear > 0) {
            List<Long> months = new ArrayList<>(12);
            long given = 0;
            for (int m = 0; m < 11; m++) {
                long month = BigInteger.valueOf(annual).multiply(BigInteger.valueOf(basis.lastYearMonthlyFen().get(m)))
                        .divide(BigInteger.valueOf(lastYear)).longValueExact();
                months.add(month);
                given += month;
            }
            months.add(annual - given);
            steps.add(new BudgetStep("monthly budgets", format(annual) + " by last year's monthly shares (each month's"
                    + " spending ÷ " + format(lastYear) + "), rounded down to the fen: January " + format(months.get(0))
                    + ", the remainder in December " + format(months.get(11)), List.of(rules.monthlySplitCited()), annual));
            return months;
        }
        long each = annual / 12;
        List<Long> months = new ArrayList<>(12);
        for (int m = 0; m < 11; m++) months.add(each);
        months.add(annual - each * 11);
        steps.add(new BudgetStep("monthly budgets", format(annual) + " in 12 equal months of " + format(each)
                + ", December " + format(months.get(11)) + " (the remainder)"
                + (byShares ? "; no monthly spending last year to take shares from, so equal twelfths" : ""),
                List.of(rules.monthlySplitCited()), annual));
        return months;
    }
}
