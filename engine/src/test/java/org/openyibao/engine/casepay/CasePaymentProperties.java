package org.openyibao.engine.casepay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.Packs;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Amount;
import org.openyibao.engine.policy.CaseAdvanceRules;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Ratio;
import org.openyibao.engine.policy.Scheme;

/**
 * Invariants of case payment, for any rules and any case: no payment or points are negative; a DIP case's points are
 * at most the larger of its group's score and the cap; a DRG payment never falls as the weight rises (the group's
 * average cost held); and the DIP year-end shares the distributable amount exactly (the finals sum to it, the funds'
 * dues to the budget, each final within a fen of its exact share); a month's advance is within [0, the estimated due].
 */
class CasePaymentProperties {
    private static final CasePaymentRules SHIPPED = CasePaymentRules.of(Packs.zhanjiang(), LocalDate.of(2022, 6, 1));

    @Provide
    Arbitrary<CasePaymentRules> rules() {
        Arbitrary<Integer> share = Arbitraries.integers().between(0, Money.PPM);
        Arbitrary<Integer> low = Arbitraries.integers().between(0, Money.PPM - 1);
        Arbitrary<Integer> high = Arbitraries.integers().between(Money.PPM, 4 * Money.PPM);
        Arbitrary<CasePaymentRules> made = Combinators.combine(low, high, share, share, Arbitraries.integers().between(0, 2 * Money.PPM),
                Arbitraries.longs().between(0, 5_000_000), Arbitraries.integers().between(Money.PPM, 10 * Money.PPM),
                Arbitraries.of(true, false)).as((lo, hi, excess, lowCost, coefficient, base, cap, flag) -> {
                    Map<Level, Ratio> coefficients = new EnumMap<>(Level.class);
                    for (Level l : Level.values()) coefficients.put(l, ratio(coefficient));
                    return new CasePaymentRules(null, cite(), flag, cite(), ratio(hi + 3 * Money.PPM), 30 + cap % 90, cite(),
                            new Amount(base, cite()), coefficients, ratio(hi), ratio(excess), ratio(lo), ratio(lowCost),
                            ratio(hi), ratio(lo), ratio(cap), flag, cite());
                });
        return Arbitraries.oneOf(Arbitraries.just(SHIPPED), made);
    }

    @Provide
    Arbitrary<CaseToPay> drgCases() {
        return Combinators.combine(Arbitraries.longs().between(0, 30_000_000), Arbitraries.longs().between(1, 500_000_000L),
                Arbitraries.longs().between(0, 5_000_000_000L), Arbitraries.of(Level.class), Arbitraries.integers().between(0, 400),
                Arbitraries.of(true, false)).as((w, avg, cost, level, days, emergency) ->
                new CaseToPay("p", Cases.drg("XX11", w, avg), cost, level, days, DischargeType.ORDERED, emergency, Scheme.RESIDENT));
    }

    @Provide
    Arbitrary<CaseToPay> dipCases() {
        return Combinators.combine(Arbitraries.longs().between(0, 5_000_000_000L), Arbitraries.longs().between(1, 500_000_000L),
                Arbitraries.longs().between(0, 5_000_000_000L), Arbitraries.of(Level.class), Arbitraries.integers().between(0, 400),
                Arbitraries.of(true, false)).as((score, avg, cost, level, days, emergency) ->
                new CaseToPay("p", Cases.dip("XX-01", score, avg), cost, level, days, DischargeType.ORDERED, emergency, Scheme.EMPLOYEE));
    }

    @Property(tries = 2000)
    void noDrgPaymentIsNegativeAndEveryCaseIsPaidByOneRule(@ForAll("drgCases") CaseToPay c, @ForAll("rules") CasePaymentRules r) {
        CasePayment p = DrgCasePayment.of(c, r);
        assertThat(p.paymentFen()).isNotNegative();
        assertThat(p.pointsPpm()).isZero();
        assertThat(p.trace()).hasSizeGreaterThanOrEqualTo(2);
        if (p.kind().byFee()) assertThat(p.paymentFen()).isEqualTo(c.costFen());
    }

    @Property(tries = 2000)
    void dipPointsAreNeverNegativeNorAboveTheCap(@ForAll("dipCases") CaseToPay c, @ForAll("rules") CasePaymentRules r) {
        CasePayment p = DipCaseScore.of(c, r);
        long score = c.group().scorePpm();
        long cap = Math.max(score, Points.mulDiv(score, r.dipScoreCap().ppm(), Money.PPM));
        assertThat(p.pointsPpm()).isBetween(0L, cap);
        assertThat(p.paymentFen()).isEqualTo(p.kind().byFee() ? c.costFen() : 0);
    }

    @Property(tries = 1000)
    void aDrgPaymentNeverFallsAsTheWeightRises(@ForAll("drgCases") CaseToPay c, @ForAll @LongRange(min = 0, max = 5_000_000) long more,
                                               @ForAll("rules") CasePaymentRules r) {
        GroupResult g = c.group();
        CaseToPay heavier = new CaseToPay(c.caseId(), Cases.drg(g.code(), g.weightPpm() + more, g.averageCostFen()), c.costFen(),
                c.level(), c.lengthOfStay(), c.dischargeType(), c.emergency(), c.scheme());
        CasePayment light = DrgCasePayment.of(c, r);
        CasePayment heavy = DrgCasePayment.of(heavier, r);
        assertThat(heavy.kind()).isEqualTo(light.kind());
        assertThat(heavy.paymentFen()).isGreaterThanOrEqualTo(light.paymentFen());
    }

    @Provide
    Arbitrary<List<DipHospitalYear>> hospitals() {
        Arbitrary<DipHospitalYear> one = Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.of(Scheme.class),
                Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1_000_000, 50_000_000_000L)),
                Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.longs().between(0, 100_000_000_000L)).as((h, s, points, patients, advanced) ->
                new DipHospitalYear("H" + h, s, points, patients, advanced));
        return one.list().ofMinSize(1).ofMaxSize(60).filter(l -> Scheme.values().length == l.stream().map(DipHospitalYear::scheme)
                .distinct().count() && l.stream().allMatch(h -> l.stream().filter(o -> o.scheme() == h.scheme()).mapToLong(DipHospitalYear::pointsPpm).sum() > 0));
    }

    @Property(tries = 1000)
    void theDipYearEndSharesTheDistributableAmountExactly(@ForAll("hospitals") List<DipHospitalYear> hospitals,
                                                           @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long employees,
                                                           @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long residents,
                                                           @ForAll("rules") CasePaymentRules r) {
        DipYearEnd end = DipYearEnd.of(hospitals, Map.of(Scheme.EMPLOYEE, employees, Scheme.RESIDENT, residents), r);
        assertThat(end.pools()).hasSize(r.separatePointValues() ? 2 : 1);
        long budgets = 0;
        int rows = 0;
        for (DipPool p : end.pools()) {
            budgets += p.budgetFen();
            rows += p.hospitals().size();
            assertThat(p.hospitals().stream().mapToLong(DipHospitalFinal::finalFen).sum()).isEqualTo(p.distributableFen());
            assertThat(p.hospitals().stream().mapToLong(DipHospitalFinal::fundDueFen).sum()).isEqualTo(p.budgetFen());
            for (DipHospitalFinal f : p.hospitals()) {
                // |final × points − distributable × hospital's points| < points: within a fen of the exact share
                BigInteger exact = BigInteger.valueOf(p.distributableFen()).multiply(BigInteger.valueOf(f.pointsPpm()));
                BigInteger got = BigInteger.valueOf(f.finalFen()).multiply(BigInteger.valueOf(p.pointsPpm()));
                assertThat(got.subtract(exact).abs()).isLessThan(BigInteger.valueOf(p.pointsPpm()));
                assertThat(f.balanceFen()).isEqualTo(f.fundDueFen() - f.advancedFen());
            }
        }
        assertThat(budgets).isEqualTo(employees + residents);
        assertThat(rows).isEqualTo(hospitals.size());
    }

    @Property(tries = 200)
    void aCaseStayingLongerThanTheLimitGoesToReview(@ForAll("drgCases") CaseToPay c, @ForAll @IntRange(min = 1, max = 100) int beyond) {
        CaseToPay longStay = new CaseToPay(c.caseId(), c.group(), c.costFen(), c.level(), SHIPPED.specialReviewLengthOfStay() + beyond,
                c.dischargeType(), false, c.scheme());
        CasePayment p = DrgCasePayment.of(longStay, SHIPPED);
        assertThat(p.kind()).isEqualTo(CasePayment.Kind.SPECIAL_REVIEW);
        assertThat(p.pendingReview()).isTrue();
        assertThat(p.paymentFen()).isEqualTo(DrgStandard.standardFen(longStay, SHIPPED));
    }

    @Property(tries = 500)
    void aMonthsAdvanceIsNeverNegativeNorAboveTheEstimatedDue(@ForAll("drgCases") CaseToPay c, @ForAll("dipCases") CaseToPay d,
                                                             @ForAll @LongRange(min = 0, max = 5_000_000_000L) long patients,
                                                             @ForAll("rules") CasePaymentRules r) {
        CaseAdvanceRules advance = CaseAdvanceRules.of(Packs.zhanjiang(), LocalDate.of(2022, 6, 1));
        List<PaidCase> month = List.of(new PaidCase(DrgCasePayment.of(c, r), Math.min(patients, c.costFen())),
                new PaidCase(DipCaseScore.of(d, r), Math.min(patients, d.costFen())));
        MonthlyCaseAdvance m = MonthlyCaseAdvance.of(month, advance);
        assertThat(m.advanceFen()).isBetween(0L, Math.max(0, m.estimatedDueFen()));
        assertThat(m.byFeeDueFen()).isNotNegative();
    }

    private static Ratio ratio(int ppm) {
        return new Ratio(ppm, cite());
    }

    private static Cited cite() {
        return new Cited("hospital.case_payment.made_up", "made up", LocalDate.of(2020, 1, 1), "a property's rules");
    }
}
