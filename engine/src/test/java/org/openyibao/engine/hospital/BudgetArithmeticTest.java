package org.openyibao.engine.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PackLoader;

/** The refusals of bad input (each naming its field), the months' remainder and the words of the steps. */
class BudgetArithmeticTest {
    private static final LocalDate DAY = LocalDate.of(2019, 12, 31);
    private static final BudgetRules ZHANJIANG = BudgetRules.of(Packs.zhanjiang(), DAY);
    private static final BudgetRules MADE_UP = BudgetRules.of(PackLoader.applyReform(Packs.zhanjiang(),
            Paths.get("src/test/resources/hospital/made-up-budget-rules.yaml")), DAY);

    @Test
    void negativeAmountsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new BudgetYearFigures(100, -1, 0, 0, 0, true)).hasMessage(
                "in_budget_spending: -1 fen is negative; amounts are 0 or more");
        assertThatThrownBy(() -> new BudgetYearFigures(100, 0, -5, 0, 0, true)).hasMessageStartingWith("emergency_spending:");
        assertThatThrownBy(() -> new BudgetYearFigures(-100, 0, 0, 0, 0, true)).hasMessageStartingWith("budget:");
        assertThatThrownBy(() -> new BudgetYearFigures(100, 0, 0, -1, 0, true)).hasMessageStartingWith("prepaid:");
        assertThatThrownBy(() -> new BudgetYearFigures(100, 0, 0, 0, -1, true)).hasMessageStartingWith("deposit:");
        assertThatThrownBy(() -> BudgetBasis.lastYear(-1)).hasMessageStartingWith("last_year_spending:");
        assertThatThrownBy(() -> BudgetBasis.setByHand(-1)).hasMessageStartingWith("set_by_hand:");
    }

    @Test
    void lastYearsMonthsMustBeTwelveAndAddUpToTheYear() {
        assertThatThrownBy(() -> new BudgetBasis(100, null, List.of(50L, 50L)))
                .hasMessage("last_year_monthly_spending: 12 months are needed, not 2");
        List<Long> months = new ArrayList<>(Collections.nCopies(12, 10L));
        assertThatThrownBy(() -> new BudgetBasis(100, null, months))
                .hasMessage("last_year_monthly_spending: the 12 months add up to 120 fen, not last year's spending (100 fen)");
        months.set(4, -1L);
        assertThatThrownBy(() -> BudgetBasis.lastYearByMonth(months)).hasMessageStartingWith("last_year_monthly_spending[5]:");
    }

    @Test
    void rulesThatSetBudgetsByHandRefuseAnInstitutionWithoutOne() {
        assertThatThrownBy(() -> AnnualBudget.of(MADE_UP, BudgetBasis.lastYear(1_000_00))).hasMessage(
                "set_by_hand: the budget rules set each institution's budget by hand (hospital.budget.basis), and this"
                        + " institution has none");
    }

    @Test
    void equalTwelfthsPutTheRemainderInDecember() {
        // 1,000.07 yuan = 100,007 fen: 100,007 ÷ 12 = 8,333.9 → 8,333 fen a month, December 100,007 − 11 × 8,333 = 8,344
        AnnualBudget b = AnnualBudget.of(ZHANJIANG, BudgetBasis.setByHand(100_007));
        assertThat(b.monthlyFen().subList(0, 11)).containsOnly(8_333L);
        assertThat(b.monthlyFen().get(11)).isEqualTo(8_344L);
        assertThat(b.steps().get(1).explanation()).isEqualTo("1000.07 in 12 equal months of 83.33, December 83.44 (the remainder)");
    }

    @Test
    void sharesFallBackToEqualTwelfthsForAnInstitutionWithNoSpendingLastYear() {
        AnnualBudget b = AnnualBudget.of(MADE_UP, BudgetBasis.setByHand(1_200_00));
        assertThat(b.monthlyFen()).containsOnly(10_000L);
        assertThat(b.steps().get(1).explanation()).endsWith("no monthly spending last year to take shares from, so equal twelfths");
    }

    @Test
    void theStepsSayWhoPaysWhatAndCiteTheRules() {
        BudgetYearEnd y = BudgetYearEnd.of(new BudgetYearFigures(1_000_000_00, 1_200_000_00, 50_000_00, 800_000_00, 40_000_00, false),
                ZHANJIANG);
        assertThat(y.steps()).extracting(BudgetStep::rule).containsExactly("emergency cases", "over-spend within the bound",
                "over-spend beyond the bound", "quality deposit", "year-end balance");
        assertThat(y.steps().get(0).explanation()).isEqualTo("50000.00 paid for a declared emergency's cases, in full and outside the budget");
        assertThat(y.steps().get(0).parameters().get(0).source()).startsWith("He 2020, §4");
        // over 200,000.00; bound 1,100,000.00; within 100,000.00 × 0.5 = 50,000.00; beyond 100,000.00 × 0 = 0
        assertThat(y.steps().get(1).explanation()).isEqualTo("spending 1200000.00 is 200000.00 over the budget 1000000.00; up to"
                + " the bound 1000000.00 × 1.1 = 1100000.00, 100000.00 × 0.5 paid by the fund = 50000.00, the institution bears 50000.00");
        assertThat(y.steps().get(3).explanation()).isEqualTo("40000.00 of the 40000.00 withheld is kept by the fund (the evaluation was not passed)");
        // due 1,050,000.00 + 50,000.00 − 40,000.00 = 1,060,000.00; less 800,000.00 prepaid = 260,000.00
        assertThat(y.balanceFen()).isEqualTo(260_000_00);
        assertThat(y.steps().get(4).explanation()).endsWith(": the fund pays 260000.00");
    }

    @Test
    void aBalanceBelowThePrepaymentsIsClawedBack() {
        // under-spend 500,000.00 × 0.5 = 250,000.00 kept; due 500,000.00 + 250,000.00 = 750,000.00; prepaid 800,000.00
        BudgetYearEnd y = BudgetYearEnd.of(new BudgetYearFigures(1_000_000_00, 500_000_00, 0, 800_000_00, 0, true), ZHANJIANG);
        assertThat(y.balanceFen()).isEqualTo(-50_000_00);
        assertThat(y.steps().get(y.steps().size() - 1).explanation()).endsWith(": the fund claws back 50000.00");
    }
}
