package org.openyibao.engine.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.Packs;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.Ratio;

/**
 * Invariants of hospital budgets, for any rules, any institution and any year: the months add up to the year, each
 * month's prepayment is paid plus withheld and within half a fen of its share, and money is conserved at the year-end
 * (the fund's total payment = prepayments + the balance = the spending counted − what the institution bears + the
 * saving it keeps + the emergency's cases − a deposit kept). Beside them: the institution never bears more than its
 * over-spend nor keeps more than its saving, and more spending never lowers what the fund owes.
 */
class BudgetProperties {
    private static final LocalDate DAY = LocalDate.of(2019, 12, 31);
    private static final List<BudgetRules> SHIPPED = List.of(BudgetRules.of(Packs.zhanjiang(), DAY),
            BudgetRules.of(PackLoader.applyReform(Packs.zhanjiang(), Paths.get("src/test/resources/hospital/made-up-budget-rules.yaml")), DAY));

    @Provide
    Arbitrary<BudgetRules> rules() {
        Arbitrary<Integer> share = Arbitraries.integers().between(0, Money.PPM);
        Arbitrary<BudgetRules> made = Combinators.combine(Arbitraries.of(BudgetRules.EQUAL_TWELFTHS, BudgetRules.LAST_YEAR_SHARES),
                share, share, Arbitraries.of(BudgetRules.AT_YEAR_END, BudgetRules.AFTER_EVALUATION), share,
                Arbitraries.integers().between(Money.PPM, 2 * Money.PPM), share, share).as((split, pre, dep, ret, kept, bound, fund, beyond) ->
                new BudgetRules(BudgetRules.LAST_YEAR_SPENDING, cite(), ratio(80_000), split, cite(), ratio(pre), ratio(dep), ret, cite(),
                        ratio(kept), ratio(bound), ratio(fund), ratio(beyond), pre % 2 == 0, cite()));
        return Arbitraries.oneOf(Arbitraries.of(SHIPPED), made);
    }

    @Provide
    Arbitrary<BudgetBasis> bases() {
        Arbitrary<List<Long>> months = Arbitraries.longs().between(0, 500_000_000_000L).list().ofSize(12);
        Arbitrary<BudgetBasis> byMonth = months.map(BudgetBasis::lastYearByMonth);
        Arbitrary<BudgetBasis> byHand = Combinators.combine(Arbitraries.longs().between(0, 5_000_000_000_000L), months)
                .as((hand, m) -> new BudgetBasis(m.stream().mapToLong(Long::longValue).sum(), hand, m));
        Arbitrary<BudgetBasis> total = Arbitraries.longs().between(0, 5_000_000_000_000L).map(BudgetBasis::lastYear);
        return Arbitraries.oneOf(byMonth, byHand, total);
    }

    @Property(tries = 1000)
    void theMonthsAddUpToTheYearAndEachPrepaymentIsPaidPlusWithheld(@ForAll("rules") BudgetRules r, @ForAll("bases") BudgetBasis basis) {
        AnnualBudget budget = AnnualBudget.of(r, fit(r, basis));
        assertThat(budget.monthlyFen()).hasSize(12).allSatisfy(m -> assertThat(m).isNotNegative());
        assertThat(budget.monthlyFen().stream().mapToLong(Long::longValue).sum()).isEqualTo(budget.annualFen());
        PrepaymentSchedule s = PrepaymentSchedule.of(r, budget);
        assertThat(s.paidFen() + s.depositFen()).isEqualTo(s.prepaymentFen());
        for (MonthlyPrepayment m : s.months()) {
            assertThat(m.paidFen()).isNotNegative();
            // each month's prepayment is its share of the month's budget, rounded once: within half a fen
            BigInteger exact = BigInteger.valueOf(m.budgetFen()).multiply(BigInteger.valueOf(r.prepaymentShare().ppm()));
            BigInteger off = BigInteger.valueOf(m.prepaymentFen()).multiply(BigInteger.valueOf(Money.PPM)).subtract(exact).abs();
            assertThat(off).isLessThanOrEqualTo(BigInteger.valueOf(Money.PPM / 2));
        }
        if (basis.setByHandFen() != null) assertThat(budget.annualFen()).isEqualTo(basis.setByHandFen());
    }

    @Property(tries = 1000)
    void moneyIsConservedAtTheYearEnd(@ForAll("rules") BudgetRules r, @ForAll("bases") BudgetBasis basis,
                                      @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long spending,
                                      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long emergency, @ForAll boolean passed) {
        AnnualBudget budget = AnnualBudget.of(r, fit(r, basis));
        PrepaymentSchedule s = PrepaymentSchedule.of(r, budget);
        BudgetYearEnd y = BudgetYearEnd.of(BudgetYearFigures.of(budget, s, spending, emergency, passed), r);
        long counted = spending + (r.emergencyOutsideBudget() ? 0 : emergency);
        long outside = r.emergencyOutsideBudget() ? emergency : 0;
        assertThat(y.spendingCountedFen()).isEqualTo(counted);
        assertThat(y.prepaidFen() + y.balanceFen()).as("prepaid + balance").isEqualTo(y.totalDueFen());
        assertThat(y.totalDueFen()).as("the fund's total payment")
                .isEqualTo(counted - y.borneFen() + y.savingKeptFen() + outside - y.depositKeptFen());
        assertThat(y.borneFen()).isBetween(0L, y.overspendFen());
        assertThat(y.savingKeptFen()).isBetween(0L, y.savingFen());
        assertThat(y.overspendFen() == 0 || y.savingFen() == 0).as("a year is over or under, not both").isTrue();
        assertThat(y.inBudgetDueFen()).as("the fund never pays more than the spending or the budget, whichever is larger")
                .isLessThanOrEqualTo(Math.max(counted, budget.annualFen()));
        assertThat(y.depositReturnedFen() + y.depositKeptFen()).isEqualTo(s.depositFen());
        if (passed || BudgetRules.AT_YEAR_END.equals(r.depositReturned())) assertThat(y.depositKeptFen()).isZero();
    }

    @Property(tries = 1000)
    void moreSpendingNeverLowersWhatTheFundOwes(@ForAll("rules") BudgetRules r,
                                                 @ForAll @LongRange(min = 0, max = 5_000_000_000_000L) long budget,
                                                 @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long spending,
                                                 @ForAll @LongRange(min = 1, max = 100_000_000L) long more) {
        BudgetYearEnd less = BudgetYearEnd.of(new BudgetYearFigures(budget, spending, 0, 0, 0, true), r);
        BudgetYearEnd most = BudgetYearEnd.of(new BudgetYearFigures(budget, spending + more, 0, 0, 0, true), r);
        assertThat(most.inBudgetDueFen()).isGreaterThanOrEqualTo(less.inBudgetDueFen());
        if (r.beyondBoundFundShare().ppm() == 0 && spending > less.boundFen()) {
            assertThat(most.inBudgetDueFen()).as("beyond the bound the institution bears it all").isEqualTo(less.inBudgetDueFen());
        }
    }

    /** Under rules that set budgets by hand, an institution without a figure is refused (BudgetArithmeticTest): give it one. */
    private static BudgetBasis fit(BudgetRules r, BudgetBasis b) {
        if (!BudgetRules.SET_BY_HAND.equals(r.basis()) || b.setByHandFen() != null) return b;
        return new BudgetBasis(b.lastYearSpendingFen(), b.lastYearSpendingFen(), b.lastYearMonthlyFen());
    }

    private static Ratio ratio(int ppm) {
        return new Ratio(ppm, cite());
    }

    private static Cited cite() {
        return new Cited("hospital.budget", "test", DAY, "REFORM test: generated budget rules");
    }
}
