package org.openyibao.platform.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.contribution.ContributionService.PaymentRequest;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.contribution.ContributionService.RetireeCreditRequest;
import org.openyibao.platform.ledger.RegionFixture;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/** Contributions recorded and posted, on H2 and PostgreSQL: rows, one balanced entry each, accounts, arrears. */
class ContributionServiceTest {
    static final LocalDate JAN_2018 = LocalDate.of(2018, 1, 1);

    static EmployeeMonthRequest month(long enrolment, String period, String wage, String paidOn) {
        return new EmployeeMonthRequest(enrolment, period, wage == null ? null : new BigDecimal(wage),
                paidOn == null ? null : LocalDate.parse(paidOn));
    }

    static Map<String, Object> entry(RegionFixture f, long id) {
        return f.db.jdbc.queryForMap("SELECT cause_type, cause_ref, entry_date FROM journal_entry WHERE id = ?", id);
    }

    static long count(RegionFixture f, String sql, Object... args) {
        return f.db.jdbc.queryForObject(sql, Long.class, args);
    }

    static void refused(Runnable r, HttpStatus status, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(ApiErrors.status(e.kind())).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ":").contains(message);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anEmployeesMonthIsOneBalancedEntryWithTheAccountCredit(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            long person = f.person();
            long enrolment = f.employee(person, "combined", "in_service", JAN_2018);

            // base 5,000.00 (within 3,000.00..15,000.00 of 2017's 5,000.00): 310.00 + 100.00, account 100.00
            ContributionView c = f.contributions.payEmployee(month(enrolment, "2018-03", "5000.00", "2018-03-15"));
            assertThat(c.status()).isEqualTo("paid");
            assertThat(c.base()).isEqualByComparingTo("5000.00");
            assertThat(c.employer()).isEqualByComparingTo("310.00");
            assertThat(c.employee()).isEqualByComparingTo("100.00");
            assertThat(c.account()).isEqualByComparingTo("100.00");
            assertThat(c.pooling()).isEqualByComparingTo("310.00");
            assertThat(c.due()).isEqualByComparingTo("410.00");
            assertThat(c.paid()).isEqualByComparingTo("410.00");
            assertThat(c.paidOn()).isEqualTo("2018-03-15");
            assertThat(entry(f, c.entryId())).containsEntry("cause_type", "contribution")
                    .containsEntry("cause_ref", String.valueOf(c.id()));
            assertThat(count(f, "SELECT COUNT(*) FROM journal_entry WHERE cause_ref = ?", String.valueOf(c.id()))).isEqualTo(1);
            assertThat(f.balance("pooling:bank")).isEqualTo(31_000);
            assertThat(f.balance("pooling:contributions")).isEqualTo(-31_000);
            assertThat(f.balance("individual_accounts:bank")).isEqualTo(10_000);
            assertThat(f.balance("individual_accounts:holders")).isEqualTo(-10_000);
            assertThat(f.ledger.individualAccount(person)).isEqualTo(10_000);

            // a wage under the floor is raised to it: 3,000.00 → 186.00 + 60.00
            ContributionView low = f.contributions.payEmployee(month(enrolment, "2018-04", "1000", "2018-04-15"));
            assertThat(low.base()).isEqualByComparingTo("3000.00");
            assertThat(low.employer()).isEqualByComparingTo("186.00");
            assertThat(f.ledger.individualAccount(person)).isEqualTo(16_000);

            // the same month again: refused, naming the first; nothing posted
            long entries = count(f, "SELECT COUNT(*) FROM journal_entry");
            refused(() -> f.contributions.payEmployee(month(enrolment, "2018-03", "5000.00", "2018-03-20")), HttpStatus.CONFLICT,
                    "period", "already paid (contribution " + c.id() + ", on 2018-03-15)");
            assertThat(count(f, "SELECT COUNT(*) FROM journal_entry")).isEqualTo(entries);
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void singlePoolingRetireesAndResidents(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            // single pooling 2019: 80% × 6,000.00 (2018's wage) × 4.8% = 230.40, all pooling, no account
            long single = f.employee(f.person(), "single_pooling", "in_service", JAN_2018);
            ContributionView s = f.contributions.payEmployee(month(single, "2019-01", null, "2019-01-10"));
            assertThat(s.base()).isEqualByComparingTo("4800.00");
            assertThat(s.employer()).isEqualByComparingTo("230.40");
            assertThat(s.account()).isEqualByComparingTo("0.00");
            assertThat(f.balance("pooling:bank")).isEqualTo(23_040);

            // a retiree's month: 100.00 from the pooling fund (a transfer out) into the account
            long retiree = f.person();
            long r = f.employee(retiree, "combined", "retired", JAN_2018);
            ContributionView credit = f.contributions.creditRetiree(new RetireeCreditRequest(r, "2019-01", LocalDate.of(2019, 1, 31)));
            assertThat(credit.status()).isEqualTo("credited");
            assertThat(credit.account()).isEqualByComparingTo("100.00");
            assertThat(f.balance("pooling:transfers_out")).isEqualTo(10_000);
            assertThat(f.balance("pooling:bank")).isEqualTo(23_040 - 10_000);
            assertThat(f.ledger.individualAccount(retiree)).isEqualTo(10_000);
            refused(() -> f.contributions.payEmployee(month(r, "2019-01", "5000", "2019-01-10")), HttpStatus.CONFLICT,
                    "enrolment_id", "retiree");

            // a resident's 2018 (level 1): 180.00 + 380.00; serious illness 27.00 + 57.00 = 84.00 (15%),
            // pooling 153.00 + 323.00 = 476.00 (85%)
            long resident = f.resident(f.person(), 1, LocalDate.of(2009, 1, 1));
            ContributionView y = f.contributions.payResident(new ResidentYearRequest(resident, 2018, LocalDate.of(2017, 12, 20)));
            assertThat(y.employee()).isEqualByComparingTo("180.00");
            assertThat(y.subsidy()).isEqualByComparingTo("380.00");
            assertThat(y.seriousIllness()).isEqualByComparingTo("84.00");
            assertThat(y.pooling()).isEqualByComparingTo("476.00");
            assertThat(f.balance("pooling:contributions")).isEqualTo(-23_040 - 15_300);
            assertThat(f.balance("serious_illness:contributions")).isEqualTo(-2_700);
            // the resident paid the individual part only: the subsidy is finance's, a fiscal transfer of December 2017
            assertThat(f.balance("pooling:fiscal_income")).isZero();
            assertThat(f.balance("serious_illness:bank")).isEqualTo(2_700);
            f.fiscal.post(f.admdvs, 2017, 12, LocalDate.of(2017, 12, 31));
            assertThat(f.balance("pooling:fiscal_income")).isEqualTo(-32_300);
            assertThat(f.balance("serious_illness:fiscal_income")).isEqualTo(-5_700);
            assertThat(f.balance("serious_illness:bank")).isEqualTo(2_700 + 5_700);
            refused(() -> f.contributions.payEmployee(month(resident, "2018-01", "5000", "2018-01-10")), HttpStatus.CONFLICT,
                    "enrolment_id", "resident scheme");
            assertThat(f.contributions.contributions(f.db.jdbc.queryForObject("SELECT person_id FROM enrolment WHERE id = ?",
                    Long.class, resident))).extracting(ContributionView::period).containsExactly("2018");
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void arrearsSuspendBenefitsUntilPaidInFull(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            long person = f.person();
            long enrolment = f.employee(person, "combined", "in_service", JAN_2018);
            f.contributions.payEmployee(month(enrolment, "2018-02", "5000", "2018-02-15"));

            // March and April unpaid: receivables accrue (pooling part only), benefits suspended from 1 March
            ContributionView march = f.contributions.employeeDue(month(enrolment, "2018-03", "5000", null));
            ContributionView april = f.contributions.employeeDue(month(enrolment, "2018-04", "5000", null));
            assertThat(march.status()).isEqualTo("due");
            assertThat(march.paid()).isEqualByComparingTo("0.00");
            assertThat(march.entryId()).isNull();
            assertThat(entry(f, march.dueEntryId())).containsEntry("cause_ref", String.valueOf(march.id()));
            assertThat(f.balance("pooling:contributions_receivable")).isEqualTo(2 * 31_000);
            assertThat(f.ledger.individualAccount(person)).as("the account is credited when paid").isEqualTo(10_000);
            assertThat(db.jdbc.queryForList("SELECT from_date, until_date FROM suspension WHERE enrolment_id = ?", enrolment))
                    .singleElement().satisfies(s -> {
                        assertThat(s.get("from_date").toString()).isEqualTo("2018-03-01");
                        assertThat(s.get("until_date")).isNull();
                    });
            var arrears = f.contributions.arrears(person);
            assertThat(arrears.total()).isEqualByComparingTo("820.00"); // 2 × (310.00 + 100.00)
            assertThat(arrears.contributions()).extracting(ContributionView::period).containsExactly("2018-03", "2018-04");

            // paying March directly is refused: it is in arrears and is paid as such
            refused(() -> f.contributions.payEmployee(month(enrolment, "2018-03", "5000", "2018-05-02")), HttpStatus.CONFLICT,
                    "period", "in arrears as contribution " + march.id());

            // paying one month is not paying in full: still suspended
            ContributionView paidMarch = f.contributions.payArrears(march.id(), new PaymentRequest(LocalDate.of(2018, 5, 2)));
            assertThat(paidMarch.status()).isEqualTo("paid");
            assertThat(paidMarch.benefitsRestoredOn()).isNull();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM suspension WHERE until_date IS NULL", Integer.class)).isOne();
            assertThat(f.ledger.individualAccount(person)).isEqualTo(20_000);

            // paying the last: benefits restored from the payment date (seed 003 L1060)
            ContributionView paidApril = f.contributions.payArrears(april.id(), new PaymentRequest(LocalDate.of(2018, 5, 9)));
            assertThat(paidApril.benefitsRestoredOn()).isEqualTo("2018-05-09");
            assertThat(db.jdbc.queryForObject("SELECT until_date FROM suspension WHERE enrolment_id = ?", LocalDate.class, enrolment))
                    .isEqualTo(LocalDate.of(2018, 5, 9));
            assertThat(f.contributions.arrears(person).contributions()).isEmpty();
            assertThat(f.contributions.arrears(person).total()).isEqualByComparingTo("0.00");
            assertThat(f.balance("pooling:contributions_receivable")).isZero();
            assertThat(f.balance("pooling:bank")).isEqualTo(3 * 31_000);
            assertThat(f.ledger.individualAccount(person)).isEqualTo(30_000);
            refused(() -> f.contributions.payArrears(april.id(), new PaymentRequest(LocalDate.of(2018, 5, 10))),
                    HttpStatus.CONFLICT, "id", "not in arrears (paid on 2018-05-09)");

            // a resident's unpaid year: both funds' receivables; paid, both banks
            long resident = f.resident(f.person(), 2, LocalDate.of(2009, 1, 1));
            ContributionView y = f.contributions.residentDue(new ResidentYearRequest(resident, 2019, null));
            // the resident owes 15% of 220 to the serious-illness fund; the subsidy (15% of 520) is finance's, once paid
            assertThat(f.balance("serious_illness:contributions_receivable")).isEqualTo(3_300);
            assertThat(f.contributions.arrears(db.jdbc.queryForObject("SELECT person_id FROM enrolment WHERE id = ?", Long.class,
                    resident)).total()).as("the individual part, 220.00").isEqualByComparingTo("220.00");
            f.contributions.payArrears(y.id(), new PaymentRequest(LocalDate.of(2019, 2, 1)));
            assertThat(f.balance("serious_illness:contributions_receivable")).isZero();
            assertThat(f.balance("serious_illness:bank")).isEqualTo(3_300);
            f.fiscal.post(f.admdvs, 2019, 2, LocalDate.of(2019, 2, 28));
            assertThat(f.balance("serious_illness:bank")).isEqualTo(3_300 + 7_800);
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusalsNameTheFieldAndChangeNothing(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            long enrolment = f.employee(f.person(), "combined", "in_service", LocalDate.of(2018, 6, 1));
            ContributionService c = f.contributions;
            refused(() -> c.payEmployee(month(enrolment, "2018-13", "5000", "2018-03-15")), HttpStatus.BAD_REQUEST, "period",
                    "YYYY-MM, got '2018-13'");
            refused(() -> c.payEmployee(month(enrolment, "2018-07", "-5", "2018-07-15")), HttpStatus.BAD_REQUEST, "wage",
                    "must be positive");
            refused(() -> c.payEmployee(month(enrolment, "2018-07", "5000.001", "2018-07-15")), HttpStatus.BAD_REQUEST, "wage",
                    "at most two decimals");
            refused(() -> c.payEmployee(month(enrolment, "2018-07", "5000", null)), HttpStatus.BAD_REQUEST, "paid_on", "required");
            refused(() -> c.employeeDue(month(enrolment, "2018-07", "5000", "2018-07-15")), HttpStatus.BAD_REQUEST, "paid_on",
                    "not allowed");
            refused(() -> c.payEmployee(month(999, "2018-07", "5000", "2018-07-15")), HttpStatus.NOT_FOUND, "enrolment_id",
                    "no enrolment 999");
            refused(() -> c.payEmployee(month(enrolment, "2018-05", "5000", "2018-05-15")), HttpStatus.CONFLICT, "period",
                    "outside enrolment");
            // 2020's contributions refer to 2019's wage, which nobody has set
            refused(() -> c.payEmployee(month(enrolment, "2020-01", "5000", "2020-01-15")), HttpStatus.UNPROCESSABLE_ENTITY,
                    "average_wage", "no average monthly wage for 2019");
            refused(() -> c.payArrears(12345, new PaymentRequest(LocalDate.of(2018, 1, 1))), HttpStatus.NOT_FOUND, "id",
                    "no contribution 12345");
            assertThat(count(f, "SELECT COUNT(*) FROM contribution")).isZero();
            assertThat(count(f, "SELECT COUNT(*) FROM journal_entry")).isZero();
        }
    }
}
