package org.openyibao.engine.casepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CaseAdvanceRules;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;

/** The case payment's refusals, the shared DIP pool, the DRG year-end and the hospital indicators, worked by hand. */
class CasePaymentTest {
    private static final CasePaymentRules RULES = CasePaymentRules.of(Packs.zhanjiang(), LocalDate.of(2022, 6, 1));

    @Test
    void aNegativeCostIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Cases.at(Cases.drg("GD15", 780_000, 920_400), -1, Level.LEVEL2, 3, false))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("cost");
                    assertThat(e.code()).isEqualTo(CasePayError.INVALID_CASE);
                });
    }

    @Test
    void aGroupWithoutAnAverageCostIsRefused() {
        assertThatThrownBy(() -> DrgCasePayment.of(Cases.at(Cases.drg("GD15", 780_000, 0), 100, Level.LEVEL2, 3, false), RULES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("group.average_cost"));
    }

    @Test
    void onlyACaseWaitingForReviewTakesAReviewedAmount() {
        CasePayment standard = DrgCasePayment.of(Cases.at(Cases.drg("GD15", 780_000, 920_400), 800_000, Level.LEVEL2, 5, false), RULES);
        assertThatThrownBy(() -> standard.afterReview(1, "no"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(CasePayError.NOT_UNDER_REVIEW));
        CasePayment reviewed = DipCaseScore.of(Cases.at(Cases.dip("K35-01", 78_000_000, 780_000), 4_000_000, Level.LEVEL2, 9,
                false), RULES).afterReview(150_000_000, "reviewed");
        // 40,000.00 ÷ 7,800.00 = 5.13 > 5: review; the reviewers grant 150 points
        assertThat(reviewed.pointsPpm()).isEqualTo(150_000_000);
        assertThat(reviewed.pendingReview()).isFalse();
        assertThatThrownBy(() -> reviewed.afterReview(1, "twice")).isInstanceOf(DomainException.class);
    }

    @Test
    void anEmergencyIsPaidByTheRulesWhenTheRegionKeepsItInside() {
        CasePaymentRules inside = new CasePaymentRules(RULES.method(), RULES.methodCited(), false, RULES.emergencyCited(),
                RULES.specialReviewCostMultiple(), RULES.specialReviewLengthOfStay(), RULES.specialReviewLengthCited(),
                RULES.drgBaseRate(), RULES.levelCoefficients(), RULES.highOutlierThreshold(), RULES.highOutlierExcessRatio(),
                RULES.lowOutlierThreshold(), RULES.lowOutlierCostRatio(), RULES.dipHighThreshold(), RULES.dipLowThreshold(),
                RULES.dipScoreCap(), false, RULES.separatePointValuesCited());
        CasePayment p = DrgCasePayment.of(Cases.at(Cases.drg("GD15", 780_000, 920_400), 800_000, Level.LEVEL3, 5, true), inside);
        assertThat(p.kind()).isEqualTo(CasePayment.Kind.STANDARD);
        assertThat(p.paymentFen()).isEqualTo(920_400);

        // one pool for both schemes: 300,000.00 + 20,000.00 + 10,000.00 = 330,000.00 over 3,000 points = 110.00 a point
        DipYearEnd end = DipYearEnd.of(List.of(new DipHospitalYear("A", Scheme.EMPLOYEE, 2_000_000_000L, 2_000_000, 0),
                        new DipHospitalYear("A", Scheme.RESIDENT, 1_000_000_000L, 1_000_000, 0)),
                Map.of(Scheme.EMPLOYEE, 20_000_000L, Scheme.RESIDENT, 10_000_000L), inside);
        assertThat(end.pools()).singleElement().satisfies(pool -> {
            assertThat(pool.scheme()).isNull();
            assertThat(pool.pointValueMicroFen()).isEqualTo(11_000_000_000L);
            assertThat(pool.pointValueYuan()).isEqualByComparingTo("110");
        });
        assertThat(end.of("A", Scheme.EMPLOYEE).finalFen()).isEqualTo(22_000_000);
        assertThat(end.of("A", Scheme.RESIDENT).fundDueFen()).isEqualTo(10_000_000);
    }

    @Test
    void aSchemeWithHospitalsButNoBudgetIsRefused() {
        assertThatThrownBy(() -> DipYearEnd.of(List.of(new DipHospitalYear("A", Scheme.RESIDENT, 1_000_000, 0, 0)),
                Map.of(Scheme.EMPLOYEE, 1L), RULES))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("budget.resident"));
    }

    @Test
    void aSchemeWithoutCasesHasNoPool() {
        DipYearEnd end = DipYearEnd.of(List.of(new DipHospitalYear("A", Scheme.EMPLOYEE, 1_000_000, 0, 0)),
                Map.of(Scheme.EMPLOYEE, 500L, Scheme.RESIDENT, 700L), RULES);
        assertThat(end.pools()).singleElement().satisfies(p -> assertThat(p.scheme()).isEqualTo(Scheme.EMPLOYEE));
        assertThat(end.of("A", Scheme.EMPLOYEE).fundDueFen()).isEqualTo(500);
        assertThat(end.steps()).anySatisfy(s -> assertThat(s.explanation()).contains("the budget 7.00 is not shared"));
    }

    @Test
    void theDrgYearEndIsTheSumOfTheCasesAgainstTheAdvances() {
        CasePayment a = DrgCasePayment.of(Cases.at(Cases.drg("GD15", 780_000, 920_400), 800_000, Level.LEVEL2, 5, false), RULES);
        CasePayment b = DrgCasePayment.of(Cases.at(Cases.drg("GD13", 950_000, 1_121_000), 3_000_000, Level.LEVEL3, 9, false), RULES);
        // 7,823.40 + 18,032.00 = 25,855.40; − 5,000.00 patients = 20,855.40 due; − 22,000.00 advanced = −1,144.60
        DrgYearEnd y = DrgYearEnd.of("H1", List.of(a, b), 500_000, 2_200_000);
        assertThat(y.finalFen()).isEqualTo(2_585_540);
        assertThat(y.fundDueFen()).isEqualTo(2_085_540);
        assertThat(y.balanceFen()).isEqualTo(-114_460);
        assertThat(y.step().explanation()).contains("the fund recovers 1144.60");
    }

    @Test
    void monthlyAdvancesWorkedByHand() {
        CaseAdvanceRules advance = CaseAdvanceRules.of(Packs.zhanjiang(), LocalDate.of(2022, 6, 1));
        CasePayment a = DrgCasePayment.of(Cases.at(Cases.drg("GD15", 780_000, 920_400), 800_000, Level.LEVEL2, 5, false), RULES);
        CasePayment b = DrgCasePayment.of(Cases.at(Cases.drg("GD13", 950_000, 1_121_000), 3_000_000, Level.LEVEL3, 9, false), RULES);
        CasePayment c = DrgCasePayment.of(Cases.at(Cases.drg("GD13", 950_000, 1_121_000), 3_000_000, Level.LEVEL3, 9, true), RULES);
        // DRG: 7,823.40 + 18,032.00 = 25,855.40 − patients 2,000.00 + 6,000.00 = 17,855.40; × 0.9 = 16,069.86 advanced;
        // the emergency case by fee: 30,000.00 − 9,000.00 = 21,000.00 paid in full
        MonthlyCaseAdvance drg = MonthlyCaseAdvance.of(List.of(new PaidCase(a, 200_000), new PaidCase(b, 600_000),
                new PaidCase(c, 900_000)), advance);
        assertThat(drg.byFeeDueFen()).isEqualTo(2_100_000);
        assertThat(drg.estimatedFen()).isEqualTo(2_585_540);
        assertThat(drg.estimatedDueFen()).isEqualTo(1_785_540);
        assertThat(drg.advanceFen()).isEqualTo(1_606_986);
        // the DRG year-end leaves the case paid by fee out
        assertThat(DrgYearEnd.of("H1", List.of(a, b, c), 800_000, drg.advanceFen()).finalFen()).isEqualTo(2_585_540);

        // DIP: (78 + 122) points × 95.00 = 19,000.00 − patients 5,500.00 = 13,500.00; × 0.9 = 12,150.00
        CasePayment p = DipCaseScore.of(Cases.at(Cases.dip("K35-01", 78_000_000, 780_000), 800_000, Level.LEVEL2, 5, false), RULES);
        CasePayment q = DipCaseScore.of(Cases.at(Cases.dip("K35-01", 78_000_000, 780_000), 2_000_000, Level.LEVEL2, 7, false), RULES);
        MonthlyCaseAdvance dip = MonthlyCaseAdvance.of(List.of(new PaidCase(p, 150_000), new PaidCase(q, 400_000)), advance);
        assertThat(dip.pointsPpm()).isEqualTo(200_000_000);
        assertThat(dip.advanceFen()).isEqualTo(1_215_000);
        assertThat(dip.steps().get(1).explanation()).contains("200 points × 95.00");

        // patients who paid more than the estimate: nothing is advanced
        assertThat(MonthlyCaseAdvance.of(List.of(new PaidCase(p, 1_000_000)), advance).advanceFen()).isZero();
    }

    @Test
    void hospitalIndicatorsWorkedByHand() {
        // H1: weights 1.0 + 2.0, cost 10,000 + 30,000, days 5 + 13; one high outlier.  H2: weight 1.0, cost 20,000, 6 days;
        // one case without a group (cost 1,000, 2 days).
        // region: Σ weight 4.0, Σ cost 60,000, Σ days 24 → 15,000 a weight, 6 days a weight
        List<CaseFigures> cases = List.of(new CaseFigures("H1", true, 1_000_000, 1_000_000, 5, false),
                new CaseFigures("H1", true, 2_000_000, 3_000_000, 13, true),
                new CaseFigures("H2", true, 1_000_000, 2_000_000, 6, false),
                new CaseFigures("H2", false, 0, 100_000, 2, false));
        List<HospitalIndicators> all = HospitalIndicators.all(cases);
        HospitalIndicators h1 = all.get(0);
        HospitalIndicators h2 = all.get(1);
        assertThat(h1.cmiPpm()).isEqualTo(1_500_000);                 // 3.0 ÷ 2
        assertThat(h1.costEfficiencyPpm()).isEqualTo(888_889);        // 40,000 ÷ 3.0 = 13,333.33 ÷ 15,000 = 0.8888…
        assertThat(h1.timeEfficiencyPpm()).isEqualTo(1_000_000);      // 18 ÷ 3.0 = 6 ÷ 6
        assertThat(h1.outlierSharePpm()).isEqualTo(500_000);          // 1 of 2
        assertThat(h2.cases()).isEqualTo(2);
        assertThat(h2.groupedCases()).isEqualTo(1);
        assertThat(h2.cmiPpm()).isEqualTo(1_000_000);
        assertThat(h2.costEfficiencyPpm()).isEqualTo(1_333_333);      // 20,000 ÷ 15,000
        assertThat(h2.timeEfficiencyPpm()).isEqualTo(1_000_000);      // 6 ÷ 6
        assertThat(h2.outlierSharePpm()).isZero();
    }

    @Test
    void caseFiguresTakeTheDipScoreAsTheWeight() {
        CaseToPay c = new CaseToPay("x", Cases.dip("K35-01", 78_000_000, 780_000), 800_000, Level.LEVEL2, 4,
                DischargeType.ORDERED, false, Scheme.RESIDENT);
        assertThat(CaseFigures.of("H", c, DipCaseScore.of(c, RULES)).weightPpm()).isEqualTo(78_000_000);
        GroupResult none = Cases.ungroupable(Method.DIP);
        CaseToPay u = new CaseToPay("y", none, 800_000, Level.LEVEL2, 4, DischargeType.ORDERED, false, Scheme.RESIDENT);
        assertThat(CaseFigures.of("H", u, DipCaseScore.of(u, RULES)).grouped()).isFalse();
    }

    @Test
    void thePackCheckRefusesAnOutlierThresholdAboveTheHighOne() {
        String reform = """
                reform:
                  name: bad-thresholds
                  description: a low-cost threshold above the high-cost one
                hospital:
                  case_payment:
                    drg:
                      low_outlier:
                        threshold: {unit: multiple, values: {2010-01-01: {value: 2.5, source: "REFORM bad-thresholds: a test"}}}
                """;
        assertThatThrownBy(() -> PackLoader.applyReform(Packs.zhanjiang(), "bad.yaml", reform))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.problems().toString())
                        .contains("hospital.case_payment.drg.low_outlier.threshold (2.5) must be below"));
    }

    @Test
    void aPackWithoutCasePaymentHasNoRules() {
        PolicyPack beijing = PackLoader.load(Packs.root().resolve("beijing"));
        assertThat(CasePaymentRules.of(beijing, LocalDate.of(2022, 6, 1))).isNull();
    }
}
