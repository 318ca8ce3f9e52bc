package org.openyibao.platform.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/**
 * Paying hospitals on the Zhanjiang rules (growth 5%, equal twelfths, 90% prepaid, 5% deposit, half the saving kept,
 * over-spend to 110% shared half and half, beyond it borne by the institution, emergency cases outside the budget),
 * worked by hand:
 * <pre>
 * H1  2018 pooling spending 12,000.00 → budget 2019 12,000.00 × 1.05 = 12,600.00; months 1,050.00
 *     prepayment 1,050.00 × 0.9 = 945.00, deposit × 0.05 = 47.25, paid 897.75; the year 10,773.00 paid, 567.00 withheld
 *     2019: 4,000.00 (January, + 500.00 serious illness) and 6,000.00 (July) → under-spend 2,600.00, kept × 0.5 = 1,300.00
 *     due 11,300.00 − prepaid 10,773.00 = balance 527.00 paid by the fund
 * H2  2018 spending 10,000.00 → budget 10,500.00; months 875.00; prepayment 787.50, deposit 39.375 → 39.38, paid 748.12
 *     the year 8,977.44 paid, 472.56 withheld; 2019: 13,000.00 in the budget and an emergency case 1,000.00 (oth_pay 200.00)
 *     over-spend 2,500.00; bound 11,550.00: 1,050.00 × 0.5 = 525.00 by the fund; 1,450.00 beyond × 0 → borne 1,975.00
 *     due 10,500.00 + 525.00 + 1,000.00 (emergency) − 472.56 (deposit kept: evaluation failed) = 11,552.44
 *     balance 11,552.44 − 8,977.44 = 2,575.00 paid by the fund
 * </pre>
 */
class HospitalPaymentTest {

    static HttpStatus status(Throwable e) {
        return ApiErrors.status(((ApiException) e).kind());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void budgetsFromLastYearAndSetByHand(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.institution("H3", "New Clinic");
            h.settle("H1", LocalDate.of(2018, 3, 1), "5000.00", "0", "0");
            h.settle("H1", LocalDate.of(2018, 9, 1), "7000.00", "0", "0");
            h.settle("H1", LocalDate.of(2018, 10, 1), "300.00", "50.00", "0"); // an emergency case: not in the basis

            Budgets.Computed made = h.budgets.compute(ADMDVS, 2019, "agency1");
            assertThat(made.made()).singleElement().satisfies(b -> {
                assertThat(b.institutionCode()).isEqualTo("H1");
                assertThat(b.lastYearSpending()).isEqualByComparingTo("12000.00");
                assertThat(b.annual()).isEqualByComparingTo("12600.00"); // 12,000.00 × 1.05
                assertThat(b.monthly()).hasSize(12).allSatisfy(m -> assertThat(m).isEqualByComparingTo("1050.00"));
                assertThat(b.rulesDate()).isEqualTo(LocalDate.of(2019, 1, 1));
                assertThat(b.steps()).extracting(ShownStep::rule).containsExactly("annual budget", "monthly budgets");
                assertThat(b.steps().get(0).explanation()).contains("12000.00 × (1 + 0.05 growth) = 12600.00");
                assertThat(b.steps().get(0).sources()).contains("Luo 2020, Appendix 2");
            });
            assertThat(made.passedOver()).containsExactly("H3: no pooling-fund spending in 2018; set its budget by hand");
            assertThat(h.budgets.compute(ADMDVS, 2019, "agency1").made()).as("again: nothing new").isEmpty();

            assertThatThrownBy(() -> h.budgets.setByHand(ADMDVS, 2019, "H3", new BigDecimal("6000.00"), " ", "agency1"))
                    .hasMessageStartingWith("reason: required");
            assertThatThrownBy(() -> h.budgets.setByHand(ADMDVS, 2019, "H3", new BigDecimal("-1"), "agreement", "agency1"))
                    .hasMessageStartingWith("annual: -1 is not an amount");
            assertThatThrownBy(() -> h.budgets.setByHand(ADMDVS, 2019, "H9", new BigDecimal("1"), "agreement", "agency1"))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
            // 6,000.01 ÷ 12 = 500.0008 → 500.00 a month, December 500.01
            Budgets.Budget hand = h.budgets.setByHand(ADMDVS, 2019, "H3", new BigDecimal("6000.01"), "agreement 2019-07", "agency1");
            assertThat(hand.basis()).isEqualTo("set_by_hand");
            assertThat(hand.annual()).isEqualByComparingTo("6000.01");
            assertThat(hand.monthly().get(0)).isEqualByComparingTo("500.00");
            assertThat(hand.monthly().get(11)).isEqualByComparingTo("500.01");
            assertThat(hand.reason()).isEqualTo("agreement 2019-07");
            assertThat(hand.setBy()).isEqualTo("agency1");
            assertThat(h.budgets.list(ADMDVS, 2019)).extracting(Budgets.Budget::institutionCode).containsExactly("H1", "H3");

            h.prepayments.post(ADMDVS, 2019, 1);
            assertThatThrownBy(() -> h.budgets.setByHand(ADMDVS, 2019, "H1", new BigDecimal("1.00"), "late", "agency1"))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.CONFLICT))
                    .hasMessageContaining("H1's prepayments of 2019 have begun");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void prepaymentsArePostedOncePerInstitutionAndMonth(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.settle("H1", LocalDate.of(2018, 6, 10), "12000.00", "0", "0");
            h.budgets.compute(ADMDVS, 2019, "agency1");
            long bankBefore = h.balance("pooling:bank");

            Prepayments.Result jan = h.prepayments.post(ADMDVS, 2019, 1);
            assertThat(jan.posted()).isEqualTo(1);
            assertThat(jan.rows()).singleElement().satisfies(r -> {
                assertThat(r.budget()).isEqualByComparingTo("1050.00");
                assertThat(r.prepayment()).isEqualByComparingTo("945.00");   // 1,050.00 × 0.9
                assertThat(r.deposit()).isEqualByComparingTo("47.25");       // 945.00 × 0.05
                assertThat(r.paid()).isEqualByComparingTo("897.75");
                assertThat(r.postedNow()).isTrue();
            });
            assertThat(h.balance("pooling:prepaid_institutions")).isEqualTo(89_775);
            assertThat(h.balance("pooling:bank")).isEqualTo(bankBefore - 89_775);
            assertThat(db.jdbc.queryForObject("SELECT entry_date FROM journal_entry WHERE cause_type = 'prepayment'",
                    LocalDate.class)).isEqualTo(LocalDate.of(2019, 1, 1));

            Prepayments.Result again = h.prepayments.post(ADMDVS, 2019, 1);
            assertThat(again.posted()).isZero();
            assertThat(again.rows()).singleElement().satisfies(r -> assertThat(r.postedNow()).isFalse());
            assertThat(h.balance("pooling:prepaid_institutions")).isEqualTo(89_775);

            for (int m = 2; m <= 12; m++) h.prepayments.post(ADMDVS, 2019, m);
            // the year: 12 × 897.75 = 10,773.00 paid, 12 × 47.25 = 567.00 withheld
            assertThat(h.balance("pooling:prepaid_institutions")).isEqualTo(1_077_300);
            assertThat(h.prepayments.year(ADMDVS, 2019)).hasSize(12);
            assertThat(h.prepayments.paidAndDeposit(ADMDVS, "H1", 2019)).containsExactly(1_077_300, 56_700);
            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).noneMatch(l -> l.contains("prepayments not posted"));

            assertThatThrownBy(() -> h.prepayments.post(ADMDVS, 2020, 7)).hasMessageStartingWith("month: 2020-07 has not begun");
            assertThatThrownBy(() -> h.prepayments.post(ADMDVS, 2019, 13)).hasMessageStartingWith("month: 1 to 12");
            assertThatThrownBy(() -> h.prepayments.post("999999", 2019, 1))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
            assertThat(h.region.check.run().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClearingApplicationAcceptedIsPaidByARunOnceAndListedInItsFile(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.institution("P1", "Pharmacy, One");   // no budget: its pooling part is paid in full
            h.settle("H1", LocalDate.of(2018, 6, 10), "12000.00", "0", "0");
            h.budgets.compute(ADMDVS, 2019, "agency1");
            h.prepayments.post(ADMDVS, 2019, 1);                       // 897.75 prepaid
            h.settle("H1", LocalDate.of(2019, 1, 10), "600.00", "0", "500.00");
            h.settle("H1", LocalDate.of(2019, 1, 20), "400.00", "0", "0");
            h.settle("P1", LocalDate.of(2019, 1, 15), "80.00", "0", "0");

            String a1 = h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31));
            String p1 = h.apply("P1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31));
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM clearing_settlement WHERE clr_appy_evt_id = ?",
                    Integer.class, a1)).isEqualTo(2);
            ClearingDecisions.Page undecided = h.clearing.list(ADMDVS, "undecided", null, 0, 20);
            assertThat(undecided.total()).isEqualTo(2);
            assertThat(h.clearing.list(ADMDVS, null, "H1", 0, 1).applications()).singleElement()
                    .satisfies(a -> assertThat(a.covered()).isEqualTo(2));

            assertThatThrownBy(() -> h.clearing.reject(ADMDVS, a1, "", "agency1")).hasMessageStartingWith("reason: required");
            assertThat(h.clearing.accept(ADMDVS, a1, "agency1").status()).isEqualTo("accepted");
            assertThat(h.clearing.accept(ADMDVS, p1, "agency1").status()).isEqualTo("accepted");
            assertThatThrownBy(() -> h.clearing.accept(ADMDVS, a1, "agency1"))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.CONFLICT)).hasMessageContaining("is accepted");
            assertThatThrownBy(() -> h.cancel("H1", a1)).isInstanceOf(FsiException.class)
                    .hasMessageContaining("was accepted by the agency; it can no longer be cancelled");

            long bank = h.balance("pooling:bank"), siBank = h.balance("serious_illness:bank");
            PaymentRuns.Run run = h.runs.create(ADMDVS, "RUN-2019-02", LocalDate.of(2019, 2, 5), "agency1");
            assertThat(run.created()).isTrue();
            // H1 pooling 1,000.00: 897.75 set against the prepayment, 102.25 held for the year-end; serious illness 500.00
            // paid; P1 (no budget) 80.00 paid. From the banks: 500.00 + 80.00 = 580.00
            assertThat(run.lines()).extracting(l -> l.institutionCode() + " " + l.fund() + " " + l.amount() + " " + l.offset()
                    + " " + l.paid() + " " + l.held()).containsExactly(
                    "H1 pooling 1000.00 897.75 0.00 102.25", "H1 serious_illness 500.00 0.00 500.00 0.00",
                    "P1 pooling 80.00 0.00 80.00 0.00");
            assertThat(run.total()).isEqualByComparingTo("580.00");
            assertThat(h.balance("pooling:prepaid_institutions")).isZero();
            assertThat(h.balance("pooling:bank")).isEqualTo(bank - 8_000);
            assertThat(h.balance("serious_illness:bank")).isEqualTo(siBank - 50_000);
            assertThat(h.balance("serious_illness:payable_institutions")).isZero();
            assertThat(h.balance("pooling:payable_institutions")).as("H1's 102.25 held, and 2018's 12,000.00 never cleared")
                    .isEqualTo(-10_225 - 1_200_000);

            assertThat(h.runs.file(ADMDVS, "RUN-2019-02")).isEqualTo("""
                    run_id,institution_code,institution_name,fund,amount,reference
                    RUN-2019-02,H1,First Hospital,serious_illness,500.00,%s
                    RUN-2019-02,P1,"Pharmacy, One",pooling,80.00,%s
                    RUN-2019-02,TOTAL,,,580.00,
                    """.formatted(a1, p1));

            long entries = db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
            PaymentRuns.Run again = h.runs.create(ADMDVS, "RUN-2019-02", null, "agency1");
            assertThat(again.created()).isFalse();
            assertThat(again.total()).isEqualByComparingTo("580.00");
            PaymentRuns.Run next = h.runs.create(ADMDVS, "RUN-2019-03", LocalDate.of(2019, 3, 5), "agency1");
            assertThat(next.lines()).as("nothing paid twice").isEmpty();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(entries);
            assertThat(h.clearing.find(ADMDVS, a1).status()).isEqualTo("paid");
            assertThat(h.clearing.find(ADMDVS, a1).runId()).isEqualTo("RUN-2019-02");
            assertThat(h.runs.list(ADMDVS)).extracting(PaymentRuns.Run::runId).containsExactly("RUN-2019-03", "RUN-2019-02");
            assertThatThrownBy(() -> h.runs.create(ADMDVS, "bad id!", null, "agency1")).hasMessageStartingWith("run_id:");

            // 3204 of an undecided application cancels it; a rejected one frees its period for a new application
            h.settle("H1", LocalDate.of(2019, 2, 10), "50.00", "0", "0");
            String feb = h.apply("H1", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28));
            h.cancel("H1", feb);
            assertThat(h.clearing.find(ADMDVS, feb).status()).isEqualTo("cancelled");
            String feb2 = h.apply("H1", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28));
            assertThat(h.clearing.reject(ADMDVS, feb2, "list incomplete", "agency1").status()).isEqualTo("rejected");
            assertThatThrownBy(() -> h.cancel("H1", feb2)).hasMessageContaining("was rejected");
            String feb3 = h.apply("H1", LocalDate.of(2019, 2, 1), LocalDate.of(2019, 2, 28));
            assertThat(h.clearing.find(ADMDVS, feb3).status()).isEqualTo("undecided");
            assertThat(h.region.check.run().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theYearEndOfAnUnderSpendAndAnOverSpendByHand(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.institution("H2", "Second Hospital");
            h.settle("H1", LocalDate.of(2018, 6, 10), "12000.00", "0", "0");
            h.settle("H2", LocalDate.of(2018, 6, 10), "10000.00", "0", "0");
            h.budgets.compute(ADMDVS, 2019, "agency1");
            h.settle("H1", LocalDate.of(2019, 1, 10), "4000.00", "0", "500.00");
            h.settle("H1", LocalDate.of(2019, 7, 10), "6000.00", "0", "0");
            h.settle("H2", LocalDate.of(2019, 3, 10), "13000.00", "0", "0");
            h.settle("H2", LocalDate.of(2019, 4, 10), "1000.00", "200.00", "0"); // a declared emergency's case

            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).containsExactly(
                    "H1 (First Hospital): prepayments not posted for 2019-01, 2019-02, 2019-03, 2019-04, 2019-05, 2019-06,"
                            + " 2019-07, 2019-08, 2019-09, 2019-10, 2019-11, 2019-12",
                    "H2 (Second Hospital): prepayments not posted for 2019-01, 2019-02, 2019-03, 2019-04, 2019-05, 2019-06,"
                            + " 2019-07, 2019-08, 2019-09, 2019-10, 2019-11, 2019-12",
                    "H1 (First Hospital): 2 settled visits of 2019 not covered by a clearing application",
                    "H2 (Second Hospital): 2 settled visits of 2019 not covered by a clearing application");
            for (int m = 1; m <= 12; m++) h.prepayments.post(ADMDVS, 2019, m);
            String a1 = h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
            String a2 = h.apply("H2", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).containsExactly(
                    "H1: clearing application " + a1 + " (2019-01-01 to 2019-12-31) not decided",
                    "H2: clearing application " + a2 + " (2019-01-01 to 2019-12-31) not decided");
            assertThatThrownBy(() -> h.yearEnds.post(ADMDVS, 2019, Set.of("H2")))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.CONFLICT))
                    .hasMessageStartingWith("unfinished: 2019's institutions cannot be settled yet (2 open)");
            h.clearing.accept(ADMDVS, a1, "agency1");
            h.clearing.accept(ADMDVS, a2, "agency1");
            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).hasSize(2).allMatch(l -> l.contains("accepted, not paid"));
            PaymentRuns.Run run = h.runs.create(ADMDVS, "RUN-2020-01", LocalDate.of(2020, 1, 10), "agency1");
            // H1: 10,000.00 against 10,773.00 prepaid; H2: 14,000.00 against 8,977.44 prepaid, 5,022.56 held
            assertThat(run.lines()).extracting(l -> l.institutionCode() + " " + l.fund() + " " + l.offset() + " " + l.paid()
                    + " " + l.held()).containsExactly("H1 pooling 10000.00 0.00 0.00",
                    "H1 serious_illness 0.00 500.00 0.00", "H2 pooling 8977.44 0.00 5022.56", "H2 emergency 0.00 200.00 0.00");
            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).isEmpty();

            List<InstitutionYearEnds.Row> preview = h.yearEnds.preview(ADMDVS, 2019, Set.of("H2"));
            assertThat(preview).extracting(r -> r.institutionCode() + " " + r.totalDue() + " " + r.prepaid() + " "
                    + r.balance() + " posted " + r.posted()).containsExactly(
                    "H1 11300.00 10773.00 527.00 posted false", "H2 11552.44 8977.44 2575.00 posted false");
            InstitutionYearEnds.Row h2 = preview.get(1);
            assertThat(h2.borne()).isEqualByComparingTo("1975.00");
            assertThat(h2.emergencyOutside()).isEqualByComparingTo("1000.00");
            assertThat(h2.depositKept()).isEqualByComparingTo("472.56");
            assertThat(h2.steps()).extracting(ShownStep::rule).contains("emergency cases", "over-spend within the bound",
                    "over-spend beyond the bound", "quality deposit", "year-end balance");

            long bank = h.balance("pooling:bank"), benefits = h.balance("pooling:benefits");
            InstitutionYearEnds.Posted posted = h.yearEnds.post(ADMDVS, 2019, Set.of("H2"));
            assertThat(posted.posted()).isEqualTo(2);
            // H1: Dr benefits 1,300.00 (the saving kept) / Cr prepaid 773.00, Cr bank 527.00
            assertThat(lines(db, "H1:2019")).containsExactly("pooling:bank C 52700", "pooling:benefits D 130000",
                    "pooling:prepaid_institutions C 77300");
            // H2: Dr payable 5,022.56 (held) / Cr benefits 2,447.56 (11,552.44 due − 14,000.00 spent), Cr bank 2,575.00
            assertThat(lines(db, "H2:2019")).containsExactly("pooling:bank C 257500", "pooling:benefits C 244756",
                    "pooling:payable_institutions D 502256");
            assertThat(h.balance("pooling:bank")).isEqualTo(bank - 52_700 - 257_500);
            assertThat(h.balance("pooling:benefits")).isEqualTo(benefits + 130_000 - 244_756);
            assertThat(h.balance("pooling:prepaid_institutions")).isZero();
            assertThat(h.balance("pooling:payable_institutions")).as("2019 cleared; 2018's 22,000.00 never applied for")
                    .isEqualTo(-2_200_000);
            assertThat(h.region.check.run().ok()).isTrue();

            long entries = db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
            InstitutionYearEnds.Posted again = h.yearEnds.post(ADMDVS, 2019, Set.of("H2"));
            assertThat(again.posted()).isZero();
            assertThat(again.rows()).extracting(r -> r.institutionCode() + " " + r.balance() + " " + r.posted())
                    .containsExactly("H1 527.00 true", "H2 2575.00 true");
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(entries);
            assertThatThrownBy(() -> h.yearEnds.post(ADMDVS, 2019, Set.of()))
                    .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.CONFLICT))
                    .hasMessageStartingWith("failed_evaluation: 2019's year-end of region 440800 was posted with H2 failing");
            assertThatThrownBy(() -> h.yearEnds.post(ADMDVS, 2019, Set.of("H1", "H2")))
                    .hasMessageStartingWith("failed_evaluation:");
            assertThatThrownBy(() -> h.yearEnds.post(ADMDVS, 2020, Set.of()))
                    .hasMessageStartingWith("year: 2020 is not over");
            assertThatThrownBy(() -> h.prepayments.post(ADMDVS, 2019, 12)).hasMessageContaining("settled against their budgets");
        }
    }

    /** The entry's lines, "pooling:bank C 52700", sorted. */
    static List<String> lines(TestDatabase db, String ref) {
        return db.jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " JOIN ledger_account a ON a.id = l.account_id WHERE e.cause_type = 'institution_year_end' AND e.cause_ref = ?"
                + " ORDER BY a.code", (rs, i) -> rs.getString(1).substring(ADMDVS.length() + 1) + (rs.getLong(2) > 0
                ? " D " + rs.getLong(2) : " C " + rs.getLong(3)), ref);
    }
}
