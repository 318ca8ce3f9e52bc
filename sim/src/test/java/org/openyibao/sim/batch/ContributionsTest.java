package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;

/**
 * A person's year of contributions, hand-worked from policies/zhanjiang/resident.yaml and employee.yaml
 * (the values in force on 1 January 2018), in fen. Average wage 5,600 yuan a month (SimulateCommand's default).
 */
class ContributionsTest {
    static final PolicyPack PACK = PackLoader.load(Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang"));
    static final long AVERAGE_WAGE = 560_000; // 5,600.00 yuan
    static final LocalDate LONG_AGO = LocalDate.of(2010, 1, 1);

    final Contributions c2018 = new Contributions(PACK, 2018, AVERAGE_WAGE);

    @Test
    void resident2018ContributionOne() {
        Contributions.Year y = c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LONG_AGO, 0);
        // resident.contribution.individual.contribution_1 on 2018-01-01: 180 yuan = 18,000 fen
        // resident.contribution.fiscal_subsidy: 380 yuan (since 2016-01-01; 520 only from 2019) = 38,000 fen
        // serious_illness_share 15%, rounded once per amount:
        //   individual 18,000 × 0.15 = 2,700;  subsidy 38,000 × 0.15 = 5,700;  serious illness 8,400
        //   pooling = 18,000 + 38,000 − 8,400 = 47,600
        assertThat(y.householdFen()).isEqualTo(18_000);
        assertThat(y.subsidyFen()).isEqualTo(38_000);
        assertThat(y.seriousIllnessFen()).isEqualTo(8_400);
        assertThat(y.poolingFen()).isEqualTo(47_600);
        assertThat(y.employerFen()).isZero();
        assertThat(y.retireeCreditFen()).isZero();
        assertThat(y.accountCreditsFen()).isZero();
        assertThat(y.poolingFen() + y.seriousIllnessFen()).isEqualTo(y.householdFen() + y.subsidyFen());
        // annual: enrolment during the year does not prorate it (seed 003 L1129); no level → contribution_1;
        // contribution_2 is also 180 yuan in 2018 (levels abolished in 2016)
        for (Contributions.Year same : new Contributions.Year[] {
                c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LocalDate.of(2018, 9, 1), 0),
                c2018.of(true, Scheme.RESIDENT, null, null, LONG_AGO, 0),
                c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_2, LONG_AGO, 0)}) {
            assertThat(same.householdFen()).isEqualTo(18_000);
            assertThat(same.poolingFen()).isEqualTo(47_600);
            assertThat(same.seriousIllnessFen()).isEqualTo(8_400);
        }
    }

    @Test
    void resident2019TakesTheValuesInForceThatYear() {
        Contributions.Year y = new Contributions(PACK, 2019, AVERAGE_WAGE)
                .of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LONG_AGO, 0);
        // 2019-01-01: individual 220 yuan, subsidy 520 yuan
        //   22,000 × 0.15 = 3,300;  52,000 × 0.15 = 7,800;  serious illness 11,100;  pooling 74,000 − 11,100 = 62,900
        assertThat(y.householdFen()).isEqualTo(22_000);
        assertThat(y.subsidyFen()).isEqualTo(52_000);
        assertThat(y.seriousIllnessFen()).isEqualTo(11_100);
        assertThat(y.poolingFen()).isEqualTo(62_900);
    }

    @Test
    void inServiceEmployeeWithAWageInsideTheBounds() {
        // wage 5,000 yuan: inside 60–300% of 5,600 (3,360 – 16,800), so the base is the wage
        Contributions.Year y = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 500_000);
        // a month: employer 500,000 × 6.2% = 31,000; own 500,000 × 2% = 10,000, all of it to the account
        //   pooling = 31,000 + 10,000 − 10,000 = 31,000; × 12 months
        assertThat(y.employerFen()).isEqualTo(12 * 31_000);
        assertThat(y.householdFen()).isEqualTo(12 * 10_000);
        assertThat(y.poolingFen()).isEqualTo(12 * 31_000);
        assertThat(y.seriousIllnessFen()).isZero();
        assertThat(y.subsidyFen()).isZero();
        assertThat(y.retireeCreditFen()).isZero();
        assertThat(y.accountCreditFen()[0]).isZero(); // index 0 is not a month
        for (int m = 1; m <= 12; m++) assertThat(y.accountCreditFen()[m]).as("month %d", m).isEqualTo(10_000);
        assertThat(y.accountCreditsFen()).isEqualTo(120_000);
        // due = employer + own = pooling + account
        assertThat(y.employerFen() + y.householdFen()).isEqualTo(y.poolingFen() + y.accountCreditsFen());
    }

    @Test
    void wagesOutsideTheBoundsAreBoundedAndEachAmountRoundedHalfUp() {
        // above the ceiling: 20,000 yuan → base 300% × 5,600 = 16,800 yuan = 1,680,000 fen
        //   employer 1,680,000 × 6.2% = 104,160;  own 1,680,000 × 2% = 33,600
        Contributions.Year high = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 2_000_000);
        assertThat(high.employerFen()).isEqualTo(12 * 104_160);
        assertThat(high.householdFen()).isEqualTo(12 * 33_600);
        assertThat(high.accountCreditFen()[7]).isEqualTo(33_600);
        // below the floor: 2,000 yuan → base 60% × 5,600 = 3,360 yuan = 336,000 fen
        //   employer 336,000 × 6.2% = 20,832;  own 336,000 × 2% = 6,720
        Contributions.Year low = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 200_000);
        assertThat(low.employerFen()).isEqualTo(12 * 20_832);
        assertThat(low.householdFen()).isEqualTo(12 * 6_720);
        assertThat(low.poolingFen()).isEqualTo(12 * 20_832);
        // inside, not round: 4,321.23 yuan = 432,123 fen
        //   employer 432,123 × 0.062 = 26,791.626 → 26,792;  own 432,123 × 0.02 = 8,642.46 → 8,642
        //   pooling 26,792 + 8,642 − 8,642 = 26,792 a month
        Contributions.Year odd = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 432_123);
        assertThat(odd.employerFen()).isEqualTo(12 * 26_792);
        assertThat(odd.householdFen()).isEqualTo(12 * 8_642);
        assertThat(odd.accountCreditFen()[12]).isEqualTo(8_642);
    }

    @Test
    void anEmployeeEnrolledMidYearContributesFromTheMonthOfEnrolment() {
        // enrolled 15 April 2018, wage below the floor (base 336,000): April – December = 9 months
        Contributions.Year y = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LocalDate.of(2018, 4, 15), 200_000);
        assertThat(y.employerFen()).isEqualTo(9 * 20_832);   // 187,488
        assertThat(y.householdFen()).isEqualTo(9 * 6_720);   // 60,480
        assertThat(y.poolingFen()).isEqualTo(187_488);
        assertThat(y.accountCreditFen()).containsExactly(0, 0, 0, 0, 6_720, 6_720, 6_720, 6_720, 6_720, 6_720, 6_720, 6_720, 6_720);
        // enrolled on 1 December: one month; enrolled next year: nothing this year
        assertThat(c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LocalDate.of(2018, 12, 1), 500_000).employerFen())
                .isEqualTo(31_000);
        Contributions.Year later = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LocalDate.of(2019, 1, 1), 500_000);
        assertThat(later.employerFen() + later.householdFen() + later.poolingFen() + later.accountCreditsFen()).isZero();
    }

    @Test
    void aRetireePaysNothingAndThePoolingFundCreditsTheAccount() {
        // employee.contribution.retiree_account_monthly_credit: 100 yuan = 10,000 fen a month, from the pooling fund
        Contributions.Year y = c2018.of(true, Scheme.EMPLOYEE, Employment.RETIRED, null, LONG_AGO, 400_000);
        assertThat(y.householdFen()).isZero();
        assertThat(y.employerFen()).isZero();
        assertThat(y.poolingFen()).isZero();
        assertThat(y.retireeCreditFen()).isEqualTo(120_000);
        for (int m = 1; m <= 12; m++) assertThat(y.accountCreditFen()[m]).isEqualTo(10_000);
        assertThat(y.accountCreditsFen()).isEqualTo(y.retireeCreditFen());
        // enrolled (retired into the scheme) on 20 October: October – December
        Contributions.Year late = c2018.of(true, Scheme.EMPLOYEE, Employment.RETIRED, null, LocalDate.of(2018, 10, 20), 0);
        assertThat(late.retireeCreditFen()).isEqualTo(30_000);
        assertThat(late.accountCreditFen()[9]).isZero();
        assertThat(late.accountCreditFen()[10]).isEqualTo(10_000);
    }

    @Test
    void theUninsuredBringNothing() {
        for (Contributions.Year y : new Contributions.Year[] {
                c2018.of(false, null, null, null, null, 0),
                c2018.of(false, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 500_000),
                c2018.of(false, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LONG_AGO, 0)}) {
            assertThat(y.poolingFen() + y.seriousIllnessFen() + y.householdFen() + y.employerFen() + y.subsidyFen()
                    + y.retireeCreditFen() + y.accountCreditsFen()).isZero();
        }
    }

    @Test
    void someoneEnrolledAfterTheYearBringsNothingThisYear() {
        // enrolled on 1 January 2019: not insured in 2018, in either scheme (before: a resident paid the whole year)
        LocalDate next = LocalDate.of(2019, 1, 1);
        assertThat(c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, next, 0)).isEqualTo(Contributions.Year.NONE);
        assertThat(c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, next, 500_000)).isEqualTo(Contributions.Year.NONE);
        assertThat(c2018.of(true, Scheme.EMPLOYEE, Employment.RETIRED, null, next, 0)).isEqualTo(Contributions.Year.NONE);
        // enrolled on 31 December 2018: the whole annual contribution (seed 003 L1129), one employee's month
        LocalDate last = LocalDate.of(2018, 12, 31);
        assertThat(c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, last, 0).householdFen()).isEqualTo(18_000);
        assertThat(c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, last, 500_000).employerFen()).isEqualTo(31_000);
    }

    @Test
    void aLevelThePackDoesNotPriceIsRefusedWhenAskedFor() {
        // 2008 is before the resident scheme (2009): the pack has no individual contribution that year. Building
        // the year's contributions (all levels up front) is no error, nor is an uninsured person; a resident is
        Contributions c2008 = new Contributions(PACK, 2008, AVERAGE_WAGE);
        LocalDate enrolled = LocalDate.of(2008, 1, 1);
        assertThatThrownBy(() -> c2008.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, enrolled, 0))
                .isInstanceOf(NoPolicyException.class)
                .hasMessageContaining("resident.contribution.individual.contribution_1");
        assertThat(c2008.of(false, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, enrolled, 0))
                .isEqualTo(Contributions.Year.NONE);
    }

    @Test
    void yearsCompareByValue() {
        Contributions.Year a = c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 500_000);
        Contributions.Year b = new Contributions(PACK, 2018, AVERAGE_WAGE).of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE,
                null, LONG_AGO, 500_000);
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(b.toString()).contains("10000, 10000");
        assertThat(c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LocalDate.of(2018, 2, 1), 500_000)).isNotEqualTo(a);
    }

    @Test
    void theFundsTakeTheContributionsByScheme() {
        FundSums f = new FundSums();
        f.contribution(Scheme.RESIDENT, c2018.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LONG_AGO, 0));
        f.contribution(Scheme.EMPLOYEE, c2018.of(true, Scheme.EMPLOYEE, Employment.IN_SERVICE, null, LONG_AGO, 500_000));
        f.contribution(Scheme.EMPLOYEE, c2018.of(true, Scheme.EMPLOYEE, Employment.RETIRED, null, LONG_AGO, 0));
        f.contribution(null, c2018.of(false, null, null, null, null, 0));
        var funds = f.funds();
        assertThat(funds.get(FundSums.RESIDENT_POOLING)).containsEntry("income_fen", 47_600L).containsEntry("expenditure_fen", 0L);
        assertThat(funds.get(FundSums.SERIOUS_ILLNESS)).containsEntry("income_fen", 8_400L);
        // employee pooling: 372,000 in; the retiree's 120,000 of credits out of it
        assertThat(funds.get(FundSums.EMPLOYEE_POOLING)).containsEntry("income_fen", 372_000L)
                .containsEntry("expenditure_fen", 120_000L).containsEntry("balance_fen", 252_000L);
        // accounts: the in-service member's 120,000 and the retiree's 120,000
        assertThat(funds.get(FundSums.EMPLOYEE_ACCOUNTS)).containsEntry("income_fen", 240_000L);
    }
}
