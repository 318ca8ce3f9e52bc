package org.openyibao.engine.casepay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;

class CasePaymentRulesTest {
    private static final CasePaymentRules RULES_2022 = CasePaymentRules.of(Packs.zhanjiang(), LocalDate.of(2022, 6, 1));

    @Test
    void zhanjiangPaysByFeeUntil2021AndByDipFrom2022() {
        CasePaymentRules y2021 = CasePaymentRules.of(Packs.zhanjiang(), LocalDate.of(2021, 12, 31));
        assertThat(y2021.feeForService()).isTrue();
        assertThat(RULES_2022.method()).isEqualTo(Method.DIP);
        assertThat(RULES_2022.drgBaseRate().fen()).isEqualTo(1_180_000);
        assertThat(RULES_2022.levelCoefficient(Level.LEVEL2).ppm()).isEqualTo(850_000);
        assertThat(RULES_2022.highOutlierThreshold().ppm()).isEqualTo(2_000_000);
        assertThat(RULES_2022.specialReviewLengthOfStay()).isEqualTo(60);
        assertThat(RULES_2022.separatePointValues()).isTrue();
        assertThat(RULES_2022.methodCited().source()).contains("DIP 2020");
    }

    @Test
    void drgStandardIsWeightTimesBaseRateTimesLevelCoefficient() {
        // 1.5 × 11,800.00 × 0.85 = 15,045.00
        CasePayment p = DrgCasePayment.of(Cases.at(Cases.drg("GD19", 1_500_000, 1_770_000), 1_500_000, Level.LEVEL2, 5,
                false), RULES_2022);
        assertThat(p.kind()).isEqualTo(CasePayment.Kind.STANDARD);
        assertThat(p.paymentFen()).isEqualTo(1_504_500);
        assertThat(p.trace()).last().extracting(CasePaymentStep::explanation).asString().contains("= 15045.00");
    }

    @Test
    void aDipResultIsNotPaidByDrg() {
        assertThatThrownBy(() -> DrgCasePayment.of(Cases.at(Cases.dip("K35", 50_000_000, 500_000), 100, Level.LEVEL3, 3,
                false), RULES_2022)).isInstanceOf(DomainException.class).hasMessageContaining("group.method");
    }
}
