package org.openyibao.engine.hospital;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.BudgetRules;

/**
 * The year's monthly prepayments to an institution (docs/hospital-payment.md): each month, a share of the month's
 * budget is prepaid and a share of that prepayment is withheld as the quality deposit, each rounded half-up once.
 * The totals are the sums of the months, so the months add up exactly.
 */
public record PrepaymentSchedule(List<MonthlyPrepayment> months, List<BudgetStep> steps) {
    public PrepaymentSchedule {
        months = List.copyOf(months);
        steps = List.copyOf(steps);
    }

    public static PrepaymentSchedule of(BudgetRules rules, AnnualBudget budget) {
        int share = rules.prepaymentShare().ppm();
        int withheld = rules.depositWithheld().ppm();
        List<MonthlyPrepayment> months = new ArrayList<>(12);
        for (int m = 0; m < budget.monthlyFen().size(); m++) {
            long monthBudget = budget.monthlyFen().get(m);
            long prepayment = applyRatio(monthBudget, share);
            long deposit = applyRatio(prepayment, withheld);
            months.add(new MonthlyPrepayment(m + 1, monthBudget, prepayment, deposit, prepayment - deposit));
        }
        MonthlyPrepayment jan = months.get(0);
        MonthlyPrepayment dec = months.get(months.size() - 1);
        PrepaymentSchedule out = new PrepaymentSchedule(months, List.of());
        List<BudgetStep> steps = List.of(
                new BudgetStep("monthly prepayment", "each month's budget × " + formatRatio(share) + " prepaid: January "
                        + format(jan.budgetFen()) + " × " + formatRatio(share) + " = " + format(jan.prepaymentFen())
                        + ", December " + format(dec.prepaymentFen()) + "; the year " + format(out.prepaymentFen()),
                        List.of(rules.prepaymentShare().cited()), out.prepaymentFen()),
                new BudgetStep("quality deposit withheld", "each prepayment × " + formatRatio(withheld) + " withheld: January "
                        + format(jan.prepaymentFen()) + " × " + formatRatio(withheld) + " = " + format(jan.depositFen())
                        + ", paid " + format(jan.paidFen()) + "; the year " + format(out.depositFen()) + " withheld, "
                        + format(out.paidFen()) + " paid", List.of(rules.depositWithheld().cited()), out.depositFen()));
        return new PrepaymentSchedule(months, steps);
    }

    /** The year's prepayments before the deposit. */
    public long prepaymentFen() {
        return months.stream().mapToLong(MonthlyPrepayment::prepaymentFen).sum();
    }

    /** The year's quality deposit withheld. */
    public long depositFen() {
        return months.stream().mapToLong(MonthlyPrepayment::depositFen).sum();
    }

    /** What the fund paid the institution in the year's prepayments (prepayments less the deposit). */
    public long paidFen() {
        return months.stream().mapToLong(MonthlyPrepayment::paidFen).sum();
    }
}
