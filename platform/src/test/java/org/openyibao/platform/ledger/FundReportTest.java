package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/**
 * A region's 2018 by hand, reported per fund and month, then closed:
 * <pre>
 * 2018-01-20  employee, base 5,000.00: pooling contributions 310.00; account credit 100.00
 * 2018-03-05  resident 2018: pooling 153.00 contributions; serious illness 27.00
 * 2018-03-31  fiscal transfer for March, requested and received: the resident's subsidy, pooling 323.00, serious
 *             illness 57.00 (85% and 15% of 380.00)
 * 2018-05-10  settlement: pooling benefits 200.00 owed to the hospital; 30.00 spent from the account
 * 2018-06-30  the hospital paid: pooling 200.00, individual accounts 30.00
 * 2018-07-01  transfer pooling → serious illness 50.00
 * pooling: income 310 + 476 = 786.00, expenditure 200 + 50 = 250.00, balance 536.00 (= bank)
 * serious illness: income 84 + 50 = 134.00, balance 134.00; individual accounts: bank 70.00 = holders 70.00
 * </pre>
 */
class FundReportTest {
    static final String ADMDVS = "440800";

    static RegionFixture year2018(TestDatabase db) {
        RegionFixture f = RegionFixture.open(db, ADMDVS);
        long person = f.person();
        long enrolment = f.employee(person, "combined", "in_service", LocalDate.of(2018, 1, 1));
        f.contributions.payEmployee(new EmployeeMonthRequest(enrolment, "2018-01", new BigDecimal("5000"), LocalDate.of(2018, 1, 20)));
        f.contributions.payResident(new ResidentYearRequest(f.resident(f.person(), 1, LocalDate.of(2018, 1, 1)), 2018,
                LocalDate.of(2018, 3, 5)));
        f.fiscal.post(ADMDVS, 2018, 3, LocalDate.of(2018, 3, 31));
        f.post(f.entry(LocalDate.of(2018, 5, 10), "settlement", "S1")
                .move("pooling:benefits", "pooling:payable_institutions", 20_000)
                .payFromIndividualAccount(person, "individual_accounts:payable_institutions", 3_000).build());
        f.post(f.entry(LocalDate.of(2018, 6, 30), "payment", "H003-2018-06")
                .move("pooling:payable_institutions", "pooling:bank", 20_000)
                .move("individual_accounts:payable_institutions", "individual_accounts:bank", 3_000).build());
        db.tx.execute(s -> f.ledger.transfer(ADMDVS, LocalDate.of(2018, 7, 1), Accounts.Fund.POOLING,
                Accounts.Fund.SERIOUS_ILLNESS, 5_000, "decision 2018-7", "premium top-up"));
        return f;
    }

    static FundReport.FundYear fund(FundReport.Report r, String key) {
        return r.funds().stream().filter(x -> x.fund().equals(key)).findFirst().orElseThrow();
    }

    static void month(FundReport.Month m, String income, String expenditure, String balance, String bank) {
        assertThat(m.income()).as(m.month() + " income").isEqualByComparingTo(income);
        assertThat(m.expenditure()).as(m.month() + " expenditure").isEqualByComparingTo(expenditure);
        assertThat(m.surplus()).as(m.month() + " surplus").isEqualByComparingTo(new BigDecimal(income).subtract(new BigDecimal(expenditure)));
        assertThat(m.balance()).as(m.month() + " balance").isEqualByComparingTo(balance);
        assertThat(m.bank()).as(m.month() + " bank").isEqualByComparingTo(bank);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void incomeExpenditureAndBalancePerFundAndMonth(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = year2018(db);
            FundReport.Report r = f.report.report(ADMDVS, 2018);
            assertThat(r.closed()).isFalse();
            assertThat(r.funds()).extracting(FundReport.FundYear::fund).containsExactly("pooling", "large_amount",
                    "serious_illness", "civil_servant", "assistance", "emergency", "individual_accounts");

            FundReport.FundYear pooling = fund(r, "pooling");
            assertThat(pooling.openingBalance()).isEqualByComparingTo("0");
            assertThat(pooling.months()).hasSize(12);
            month(pooling.months().get(0), "310.00", "0", "310.00", "310.00");
            month(pooling.months().get(1), "0", "0", "310.00", "310.00");
            month(pooling.months().get(2), "476.00", "0", "786.00", "786.00");
            assertThat(pooling.months().get(2).contributions()).isEqualByComparingTo("153.00");
            assertThat(pooling.months().get(2).fiscalIncome()).isEqualByComparingTo("323.00");
            month(pooling.months().get(4), "0", "200.00", "586.00", "786.00");
            assertThat(pooling.months().get(4).payableInstitutions()).isEqualByComparingTo("200.00");
            month(pooling.months().get(5), "0", "0", "586.00", "586.00");
            assertThat(pooling.months().get(5).payableInstitutions()).isEqualByComparingTo("0");
            month(pooling.months().get(6), "0", "50.00", "536.00", "536.00");
            month(pooling.months().get(11), "0", "0", "536.00", "536.00");
            FundReport.Month y = pooling.year();
            assertThat(y.month()).isEqualTo("2018");
            assertThat(y.contributions()).isEqualByComparingTo("463.00");
            assertThat(y.fiscalIncome()).isEqualByComparingTo("323.00");
            assertThat(y.benefits()).isEqualByComparingTo("200.00");
            assertThat(y.transfersOut()).isEqualByComparingTo("50.00");
            month(y, "786.00", "250.00", "536.00", "536.00");

            FundReport.FundYear serious = fund(r, "serious_illness");
            month(serious.months().get(2), "84.00", "0", "84.00", "84.00");
            month(serious.months().get(6), "50.00", "0", "134.00", "134.00");
            assertThat(serious.year().transfersIn()).isEqualByComparingTo("50.00");

            // the individual-accounts fund owes its holders what it holds: no income of its own, balance 0
            FundReport.FundYear accounts = fund(r, "individual_accounts");
            month(accounts.months().get(0), "0", "0", "0", "100.00");
            assertThat(accounts.months().get(0).holders()).isEqualByComparingTo("100.00");
            assertThat(accounts.months().get(4).holders()).isEqualByComparingTo("70.00");
            assertThat(accounts.months().get(4).payableInstitutions()).isEqualByComparingTo("30.00");
            month(accounts.year(), "0", "0", "0", "70.00");

            String csv = FundReport.csv(r);
            assertThat(csv.lines()).hasSize(1 + 7 * 13).first().isEqualTo(FundReport.CSV_HEADER);
            assertThat(csv.lines()).contains(
                    "440800,2018,pooling,2018-05,0.00,0.00,0.00,0.00,200.00,0.00,200.00,-200.00,586.00,786.00,0.00,200.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
                    "440800,2018,pooling,2018,463.00,323.00,0.00,786.00,200.00,50.00,250.00,536.00,536.00,536.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00",
                    "440800,2018,individual_accounts,2018,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,70.00,0.00,0.00,70.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void yearEndCloseMovesTheYearIntoTheFundBalanceOnceAndClosesTheYear(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = year2018(db);
            YearEndClose.Result closed = f.close.close(ADMDVS, 2018);
            assertThat(closed.funds()).extracting(c -> c.fund() + " " + c.income() + " − " + c.expenditure() + " = " + c.surplus())
                    .containsExactly("pooling 786.00 − 250.00 = 536.00", "serious_illness 134.00 − 0.00 = 134.00");
            assertThat(db.jdbc.queryForMap("SELECT entry_date, cause_type, cause_ref FROM journal_entry WHERE id = ?", closed.entryId()))
                    .containsEntry("cause_type", "closing").containsEntry("cause_ref", "440800:2018")
                    .satisfies(m -> assertThat(m.get("entry_date").toString()).isEqualTo("2018-12-31"));
            for (String a : new String[] {"pooling:contributions", "pooling:fiscal_income", "pooling:benefits", "pooling:transfers_out",
                    "serious_illness:contributions", "serious_illness:fiscal_income", "serious_illness:transfers_in"}) {
                assertThat(f.balance(a)).as(a).isZero();
            }
            assertThat(f.balance("pooling:fund_balance")).isEqualTo(-53_600);
            assertThat(f.balance("serious_illness:fund_balance")).isEqualTo(-13_400);
            assertThat(f.balance("pooling:bank")).isEqualTo(53_600);

            // the report of the closed year still shows its flows
            FundReport.Report r = f.report.report(ADMDVS, 2018);
            assertThat(r.closed()).isTrue();
            assertThat(r.closingEntryId()).isEqualTo(closed.entryId());
            month(fund(r, "pooling").year(), "786.00", "250.00", "536.00", "536.00");

            // closing twice, and posting into the closed year, are refused; nothing is left behind
            assertThatThrownBy(() -> f.close.close(ADMDVS, 2018)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(ApiErrors.status(e.kind())).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.getMessage()).isEqualTo("year: 2018 of region 440800 is already closed (entry " + closed.entryId() + ")");
            });
            long enrolment = db.jdbc.queryForObject("SELECT MIN(id) FROM enrolment", Long.class);
            long entries = db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
            assertThatThrownBy(() -> f.contributions.payEmployee(new EmployeeMonthRequest(enrolment, "2018-12", new BigDecimal("5000"),
                    LocalDate.of(2018, 12, 28)))).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(ApiErrors.status(e.kind())).isEqualTo(HttpStatus.CONFLICT);
                assertThat(e.field()).isEqualTo("date");
                assertThat(e.getMessage()).contains("2018-12-28 is in 2018, which region 440800 has closed");
            });
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(entries);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM contribution WHERE period = '2018-12'", Long.class)).isZero();
            // the same month paid in 2019 is dated in an open year: accepted
            f.contributions.payEmployee(new EmployeeMonthRequest(enrolment, "2018-12", new BigDecimal("5000"), LocalDate.of(2019, 1, 3)));

            // 2019 opens with 2018's balance; 2020 is not over ("today" is 2020-06-01)
            FundReport.FundYear pooling2019 = fund(f.report.report(ADMDVS, 2019), "pooling");
            assertThat(pooling2019.openingBalance()).isEqualByComparingTo("536.00");
            month(pooling2019.months().get(0), "310.00", "0", "846.00", "846.00");
            assertThatThrownBy(() -> f.close.close(ADMDVS, 2020)).hasMessageContaining("year: 2020 is not over");
            assertThatThrownBy(() -> f.close.close("999999", 2018)).hasMessageContaining("admdvs: no ledger for region 999999");
            assertThat(f.check.run().violations()).isEmpty();
        }
    }
}
