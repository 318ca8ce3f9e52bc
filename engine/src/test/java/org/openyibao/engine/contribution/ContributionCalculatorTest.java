package org.openyibao.engine.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.contribution.ContributionCalculator.EmployeeMonth;
import org.openyibao.engine.contribution.ContributionCalculator.ResidentYear;
import org.openyibao.engine.Packs;

/** The contribution arithmetic by hand, Zhanjiang pack (employees 2018, residents 2009-2019). Amounts in fen. */
class ContributionCalculatorTest {
    static final PolicyPack ZHANJIANG = Packs.zhanjiang();
    static final YearMonth MARCH_2018 = YearMonth.of(2018, 3);
    static final long AVERAGE = 500_000; // 5,000.00 a month: floor 60% = 3,000.00, ceiling 300% = 15,000.00

    @Test
    void combinedPaymentOnABaseWithinTheBounds() {
        // base 5,000.00: employer 6.2% = 310.00, employee 2% = 100.00, account 100% of the employee's part = 100.00,
        // pooling 310.00 + 100.00 − 100.00 = 310.00
        EmployeeMonth m = ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "combined", 500_000, AVERAGE);
        assertThat(m.floorFen()).isEqualTo(300_000);
        assertThat(m.ceilingFen()).isEqualTo(1_500_000);
        assertThat(m.baseFen()).isEqualTo(500_000);
        assertThat(m.employerFen()).isEqualTo(31_000);
        assertThat(m.employeeFen()).isEqualTo(10_000);
        assertThat(m.accountFen()).isEqualTo(10_000);
        assertThat(m.poolingFen()).isEqualTo(31_000);
        assertThat(m.dueFen()).isEqualTo(41_000);
    }

    @Test
    void aWageBelowTheFloorIsRaisedToItAndOneAboveTheCeilingCut() {
        // 2,000.00 < 60% × 5,000.00 = 3,000.00: base 3,000.00 → 186.00 + 60.00, account 60.00
        EmployeeMonth low = ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "combined", 200_000, AVERAGE);
        assertThat(low.baseFen()).isEqualTo(300_000);
        assertThat(low.employerFen()).isEqualTo(18_600);
        assertThat(low.employeeFen()).isEqualTo(6_000);
        assertThat(low.accountFen()).isEqualTo(6_000);
        // 20,000.00 > 300% × 5,000.00 = 15,000.00: base 15,000.00 → 930.00 + 300.00
        EmployeeMonth high = ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "combined", 2_000_000, AVERAGE);
        assertThat(high.baseFen()).isEqualTo(1_500_000);
        assertThat(high.employerFen()).isEqualTo(93_000);
        assertThat(high.employeeFen()).isEqualTo(30_000);
    }

    @Test
    void eachAmountIsRoundedHalfUpOnce() {
        // base 3,333.33: employer 3,333.33 × 6.2% = 206.66646 → 206.67; employee × 2% = 66.6666 → 66.67
        EmployeeMonth m = ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "combined", 333_333, AVERAGE);
        assertThat(m.employerFen()).isEqualTo(20_667);
        assertThat(m.employeeFen()).isEqualTo(6_667);
        // base 3,000.25: employee × 2% = 60.005 → 60.01 (half-up, not half-even)
        assertThat(ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "combined", 300_025, AVERAGE).employeeFen())
                .isEqualTo(6_001);
        assertThat(ContributionCalculator.halfUp(5, 500_000)).isEqualTo(3);           // 2.5 → 3
        assertThat(ContributionCalculator.halfUp(3, 500_000)).isEqualTo(2);           // 1.5 → 2
        assertThat(ContributionCalculator.halfUp(1, 499_999)).isEqualTo(0);           // 0.499999 → 0
        assertThat(ContributionCalculator.halfUp(Long.MAX_VALUE / 2, 1_000_000, 2_000_000)).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void singlePoolingIs4point8PercentOf80PercentOfTheAverageWage() {
        // 5,000.00 × 80% = 4,000.00 base; × 4.8% = 192.00; no employee part, no account
        EmployeeMonth m = ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "single_pooling", 0, AVERAGE);
        assertThat(m.baseFen()).isEqualTo(400_000);
        assertThat(m.employerFen()).isEqualTo(19_200);
        assertThat(m.employeeFen()).isZero();
        assertThat(m.accountFen()).isZero();
        assertThat(m.poolingFen()).isEqualTo(19_200);
        // 5,123.45 × 0.8 × 0.048 = 196.740480 → 196.74, from the exact product (not from a rounded base)
        assertThat(ContributionCalculator.employee(ZHANJIANG, MARCH_2018, "single_pooling", 0, 512_345).employerFen())
                .isEqualTo(19_674);
    }

    @Test
    void retireesGetTheMonthlyCredit() {
        assertThat(ContributionCalculator.retireeCredit(ZHANJIANG, MARCH_2018)).isEqualTo(10_000);
    }

    @Test
    void residentsPremiumIsSplit85To15() {
        // 2018: individual 180.00 + subsidy 380.00 (the 2016 value, kept) = 560.00
        // serious illness 15%: 180.00 × 15% = 27.00, 380.00 × 15% = 57.00 → 84.00
        // pooling: 153.00 + 323.00 = 476.00 (85%)
        ResidentYear y = ContributionCalculator.resident(ZHANJIANG, 2018, Contribution.CONTRIBUTION_1);
        assertThat(y.individualFen()).isEqualTo(18_000);
        assertThat(y.subsidyFen()).isEqualTo(38_000);
        assertThat(y.individualSeriousIllnessFen()).isEqualTo(2_700);
        assertThat(y.subsidySeriousIllnessFen()).isEqualTo(5_700);
        assertThat(y.seriousIllnessFen()).isEqualTo(8_400);
        assertThat(y.poolingFen()).isEqualTo(47_600);
        assertThat(y.dueFen()).isEqualTo(56_000);
        // 2009, level 2: 50.00 + 80.00; serious illness 7.50 + 12.00 = 19.50; pooling 42.50 + 68.00 = 110.50
        ResidentYear y2009 = ContributionCalculator.resident(ZHANJIANG, 2009, Contribution.CONTRIBUTION_2);
        assertThat(y2009.seriousIllnessFen()).isEqualTo(1_950);
        assertThat(y2009.poolingFen()).isEqualTo(11_050);
        assertThat(ContributionCalculator.resident(ZHANJIANG, 2009, Contribution.CONTRIBUTION_1).seriousIllnessFen())
                .isEqualTo(1_500); // (20.00 + 80.00) × 15%
    }

    @Test
    void noRatesBeforeThePackHasThem() {
        assertThatThrownBy(() -> ContributionCalculator.employee(ZHANJIANG, YearMonth.of(2017, 12), "combined", 500_000, AVERAGE))
                .isInstanceOf(NoPolicyException.class).hasMessageContaining("employee.contribution").hasMessageContaining("2017-12-01");
    }
}
