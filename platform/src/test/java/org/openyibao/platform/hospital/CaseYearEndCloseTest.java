package org.openyibao.platform.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.casepayment.CaseYearEndEntries;
import org.openyibao.platform.casepayment.DipBudgets;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.ledger.RegionFixture;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;
import org.openyibao.platform.yearend.CloseYear;
import org.openyibao.platform.yearend.CloseYearReport;
import org.openyibao.platform.yearend.ClosedYear;
import org.openyibao.platform.yearend.YearEndConfig;
import org.openyibao.platform.yearend.YearEndInputs;
import org.openyibao.platform.yearend.YearNotFinished;

/**
 * close-year posts the DRG/DIP year-end (docs/hospital-payment.md#case-year-end), on H2 and PostgreSQL, worked by hand
 * with Zhanjiang's advance rules (advance.share 0.9, advance.dip_point_value 95.00). Three cases of January 2019, each
 * with 100.00 paid by the patient in cash (the patients' share), advanced by one payment run in February:
 * <pre>
 * C  H1 DRG, hifp 1,000.00, payment 1,500.00: advanced (1,500.00 − 100.00) × 0.9 = 1,260.00
 * A  H1 DIP (resident) 11 points, hifp 1,000.00: advanced (11 × 95.00 − 100.00) × 0.9 =   850.50
 * B  H2 DIP (resident)  4 points, hifp   500.00: advanced ( 4 × 95.00 − 100.00) × 0.9 =   252.00
 * The residents' DIP budget stored: 1,000.00; distributable 1,000.00 + the patients' 200.00 = 1,200.00 over 15 points:
 * point value 80.00.
 * H1 DRG   final 1,500.00, due 1,400.00, advanced 1,260.00, balance  +140.00 (Dr pooling:benefits / Cr pooling:bank)
 * H1 DIP   final   880.00, due   780.00, advanced   850.50, balance   −70.50 (Dr pooling:bank / Cr pooling:benefits)
 * H2 DIP   final   320.00, due   220.00, advanced   252.00, balance   −32.00 (Dr pooling:bank / Cr pooling:benefits)
 * The DIP dues 780.00 + 220.00 = 1,000.00 = the budget; the entries move pooling:benefits by 140.00 − 70.50 − 32.00 = +37.50.
 * </pre>
 */
class CaseYearEndCloseTest {
    static final Clock TODAY = Clock.fixed(LocalDate.of(2020, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeYearPostsEachHospitalsCaseBalanceOnceAndRefusesADipYearWithoutItsBudget(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.institution("H2", "Second Hospital");
            CaseAdvanceTest.paidByCase(db, h.settle("H1", LocalDate.of(2019, 1, 10), "1000.00", "0", "0"), "drg", 150_000, null);
            CaseAdvanceTest.paidByCase(db, h.settle("H1", LocalDate.of(2019, 1, 11), "1000.00", "0", "0"), "dip", 0, 11_000_000L);
            CaseAdvanceTest.paidByCase(db, h.settle("H2", LocalDate.of(2019, 1, 12), "500.00", "0", "0"), "dip", 0, 4_000_000L);
            h.clearing.accept(ADMDVS, h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31)), "agency1");
            h.clearing.accept(ADMDVS, h.apply("H2", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31)), "agency1");
            h.runs.create(ADMDVS, "RUN-2019-02", LocalDate.of(2019, 2, 5), "agency1");
            assertThat(db.jdbc.queryForList("SELECT advanced_fen FROM discharged_case ORDER BY settled_on", Long.class))
                    .containsExactly(126_000L, 85_050L, 25_200L);

            CloseYear close = YearEndConfig.on(db.dataSource, RegionFixture.PACKS, TODAY);
            long before = entries(db);
            // no DIP budget stored for the residents, whose pool has 15 points; H2 with a global budget, nothing prepaid
            db.jdbc.update("INSERT INTO institution_budget (admdvs, institution_code, budget_year, basis, last_year_spending_fen,"
                    + " annual_fen, monthly_fen, rules_date, steps, set_by, set_at) VALUES (?, 'H2', 2019, 'set_by_hand', 0, 0,"
                    + " '0', DATE '2019-01-01', '[]', 'agency1', CURRENT_TIMESTAMP)", ADMDVS);
            assertThatThrownBy(() -> close.close(ADMDVS, 2019, YearEndInputs.none())).isInstanceOfSatisfying(YearNotFinished.class,
                    e -> {
                        assertThat(e.unfinished().get("DIP budgets not stored")).singleElement().asString()
                                .contains("resident DIP budget is missing").contains("PUT /api/case-payment/440800/budgets/2019");
                        // H2's case advanced 252.00 against nothing prepaid: its budget's year-end cannot set it off
                        assertThat(e.unfinished().get("institutions with a global budget whose case advances exceed their"
                                + " prepayments")).containsExactly("H2: its case advances of 2019 (252.00) exceed its prepayments"
                                + " (0.00); its budget's year-end cannot set them off (docs/decisions.md#case-year-end)");
                    });
            assertThat(entries(db)).as("a refused close posts nothing").isEqualTo(before);
            db.jdbc.update("DELETE FROM institution_budget WHERE institution_code = 'H2'");

            DipBudgets budgets = new DipBudgets(db.jdbc, db.tx, h.regions, TODAY);
            assertThat(budgets.set(ADMDVS, 2019, Map.of(Scheme.RESIDENT, 100_000L), "agency1").budgets())
                    .containsOnlyKeys("resident").extractingByKey("resident").asString().isEqualTo("1000.00");
            ClosedYear y = close.close(ADMDVS, 2019, YearEndInputs.none());

            CaseYearEndEntries.Part cases = y.cases();
            assertThat(cases.pools()).singleElement().satisfies(p -> assertThat(p.pointValue()).isEqualByComparingTo("80"));
            assertThat(cases.lines()).extracting(l -> l.institutionCode() + " " + l.method() + " " + l.finalAmount() + " "
                    + l.advanced() + " " + l.balance()).containsExactly("H1 DRG 1500.00 1260.00 140.00",
                    "H1 DIP 880.00 850.50 -70.50", "H2 DIP 320.00 252.00 -32.00");
            assertThat(cases.lines()).allSatisfy(l -> assertThat(l.entryId()).isNotNull());
            assertThat(db.jdbc.queryForObject("SELECT SUM(l.debit_fen - l.credit_fen) FROM journal_line l JOIN journal_entry e"
                    + " ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id WHERE e.cause_type = 'case_year_end'"
                    + " AND a.code = ?", Long.class, "440800:pooling:benefits")).as("the balances' sum on the fund's benefits")
                    .isEqualTo(14_000L - 7_050L - 3_200L);
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
            String csv = CloseYearReport.csv(y);
            assertThat(csv).contains("case-based payment,point value (resident),80").contains("case-based payment,H1 DIP resident:"
                    + " the fund recovers,70.50,final 880.00; the fund's due 780.00 (less the patients' share); advanced 850.50;"
                    + " balance -70.50,440800:pooling:bank," + cases.lines().get(1).entryId());
            assertThat(CloseYearReport.html(y)).contains("<h2>case-based payment</h2>").contains("the fund recovers");

            long after = entries(db);
            ClosedYear again = close.close(ADMDVS, 2019, YearEndInputs.none());
            assertThat(again.alreadyClosed()).isTrue();
            assertThat(entries(db)).as("a second close posts nothing").isEqualTo(after);
            assertThat(again.cases().lines()).isEqualTo(cases.lines());
            assertThat(CloseYearReport.csv(again)).isEqualTo(csv);
            assertThatThrownBy(() -> budgets.set(ADMDVS, 2019, Map.of(Scheme.RESIDENT, 1L), "agency1"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.field()).isEqualTo("year");
                        assertThat(e.getMessage()).contains("is closed; its DIP budgets stand");
                    });
            assertThat(budgets.budgets(ADMDVS, 2019)).containsEntry(Scheme.RESIDENT, 100_000L);
        }
    }

    /**
     * A hospital with a global budget and a DIP case in one year, settled by both year-ends, worked by hand. H1's budget
     * 12,600.00 set by hand: each month 1,050.00, prepaid 945.00 less a 47.25 deposit = 897.75, the year 10,773.00.
     * <pre>
     * outpatient (by fee) 2019-01-10 hifp 4,000.00; 2019-07-10 hifp 6,000.00     S = 10,000.00 counted by the budget
     * DIP case (resident) 2019-01-11 hifp 1,000.00, 11 points, the patient 100.00: advanced (11 × 95.00 − 100.00) × 0.9
     *   = 850.50 (the run's case adjustment 850.50 − 1,000.00 = −149.50)         A = 850.50, left out of S
     * run 2020-01-10: pooling 10,000.00 + 850.50 = 10,850.50; set against the prepayments O = 10,773.00; held 77.50
     * budget year-end (as HospitalPaymentTest's H1: 10,000.00 spent of 12,600.00, the saving kept 1,300.00): due
     *   T = 11,300.00; prepaid for the budget P − A = 10,773.00 − 850.50 = 9,922.50; balance 11,300.00 − 9,922.50 = 1,377.50
     *   Dr payable S + A − O = 77.50, Dr benefits T − S = 1,300.00, Cr bank 1,377.50 (prepaid: P − O = 0, no line)
     * DIP budget 1,000.00: distributable 1,000.00 + 100.00 = 1,100.00 over 11 points, point value 100.00; final 1,100.00,
     *   due 1,000.00, advanced 850.50, balance +149.50: Dr benefits / Cr bank 149.50
     * after the close: payable 11,000.00 − 149.50 − 10,773.00 − 77.50 = 0; prepaid 10,773.00 − 10,773.00 = 0;
     *   benefits 11,000.00 − 149.50 + 1,300.00 + 149.50 = 12,300.00 = T + the DIP due (11,300.00 + 1,000.00);
     *   bank −(10,773.00 + 1,377.50 + 149.50) = −12,300.00: the hospital got its budget's due and its case's due once each.
     * </pre>
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void closeYearSettlesABudgetedHospitalsDipCaseByTheCaseYearEndAndTheRestByItsBudget(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.budgets.setByHand(ADMDVS, 2019, "H1", new java.math.BigDecimal("12600.00"), "agreement", "agency1");
            long bank0 = h.balance("pooling:bank"), benefits0 = h.balance("pooling:benefits");
            long payable0 = h.balance("pooling:payable_institutions"), prepaid0 = h.balance("pooling:prepaid_institutions");
            for (int m = 1; m <= 12; m++) h.prepayments.post(ADMDVS, 2019, m);
            h.settle("H1", LocalDate.of(2019, 1, 10), "4000.00", "0", "0");
            h.settle("H1", LocalDate.of(2019, 7, 10), "6000.00", "0", "0");
            CaseAdvanceTest.paidByCase(db, h.settle("H1", LocalDate.of(2019, 1, 11), "1000.00", "0", "0"), "dip", 0, 11_000_000L);
            h.clearing.accept(ADMDVS, h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)), "agency1");
            PaymentRuns.Run run = h.runs.create(ADMDVS, "RUN-2020-01", LocalDate.of(2020, 1, 10), "agency1");
            assertThat(run.lines()).extracting(l -> l.fund() + " " + l.offset() + " " + l.paid() + " " + l.held())
                    .containsExactly("pooling 10773.00 0.00 77.50");
            assertThat(db.jdbc.queryForObject("SELECT advanced_fen FROM discharged_case", Long.class)).isEqualTo(85_050L);
            new DipBudgets(db.jdbc, db.tx, h.regions, TODAY).set(ADMDVS, 2019, Map.of(Scheme.RESIDENT, 100_000L), "agency1");

            CloseYear close = YearEndConfig.on(db.dataSource, RegionFixture.PACKS, TODAY);
            assertThat(close.unfinished(ADMDVS, 2019)).isEmpty();
            ClosedYear y = close.close(ADMDVS, 2019, YearEndInputs.none());
            assertThat(y.institutions()).singleElement().satisfies(r -> {
                assertThat(r.spendingCounted()).isEqualByComparingTo("10000.00");
                assertThat(r.totalDue()).isEqualByComparingTo("11300.00");
                assertThat(r.prepaid()).isEqualByComparingTo("9922.50");
                assertThat(r.balance()).isEqualByComparingTo("1377.50");
                assertThat(r.posted()).isTrue();
            });
            assertThat(y.cases().lines()).extracting(l -> l.institutionCode() + " " + l.method() + " " + l.finalAmount() + " "
                    + l.advanced() + " " + l.balance()).containsExactly("H1 DIP 1100.00 850.50 149.50");
            assertThat(lines(db, InstitutionYearEnds.CAUSE, "H1:2019")).containsExactly("pooling:bank C 137750",
                    "pooling:benefits D 130000", "pooling:payable_institutions D 7750");
            assertThat(lines(db, CaseYearEndEntries.CAUSE, "H1:2019:dip-resident")).containsExactly("pooling:bank C 14950",
                    "pooling:benefits D 14950");
            assertThat(h.balance("pooling:payable_institutions") - payable0).isZero();
            assertThat(h.balance("pooling:prepaid_institutions") - prepaid0).isZero();
            // the ledger's closing entry (31 December) takes 2019's benefits to the fund's balance; the run's −149.50 is of 2020
            assertThat(db.jdbc.queryForObject("SELECT SUM(l.debit_fen - l.credit_fen) FROM journal_line l JOIN journal_entry e"
                    + " ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id WHERE a.code = ? AND e.cause_type <> 'closing'",
                    Long.class, ADMDVS + ":pooling:benefits") - benefits0).isEqualTo(1_230_000L);
            assertThat(h.balance("pooling:benefits")).as("after the closing entry: the 2020 run's case adjustment alone")
                    .isEqualTo(-14_950L);
            assertThat(h.balance("pooling:bank") - bank0).isEqualTo(-1_230_000L);
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();

            long after = entries(db);
            assertThat(close.close(ADMDVS, 2019, YearEndInputs.none()).alreadyClosed()).isTrue();
            assertThat(entries(db)).as("a second close posts nothing").isEqualTo(after);
        }
    }

    private static java.util.List<String> lines(TestDatabase db, String cause, String ref) {
        return db.jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " JOIN ledger_account a ON a.id = l.account_id WHERE e.cause_type = ? AND e.cause_ref = ? ORDER BY a.code",
                (rs, i) -> rs.getString(1).substring(ADMDVS.length() + 1) + (rs.getLong(2) > 0 ? " D " + rs.getLong(2)
                        : " C " + rs.getLong(3)), cause, ref);
    }

    private static long entries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
    }

    /**
     * A DRG case paid by fee (no group) is paid its fund share in full by the month's run and settled apart: the case
     * year-end counts neither its payment nor its patients' share nor its advance. H1's line is the standard case's
     * alone, as in the test above: final 1,500.00, advanced 1,260.00, balance +140.00 (before the fix the by-fee
     * case's 100.00 patients' share and 900.00 advance were taken off a final that left its payment out: −860.00).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDrgCasePaidByFeeStaysOutOfTheCaseYearEnd(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            CaseAdvanceTest.paidByCase(db, h.settle("H1", LocalDate.of(2019, 1, 10), "1000.00", "0", "0"), "drg", 150_000, null);
            String byFee = h.settle("H1", LocalDate.of(2019, 1, 11), "900.00", "0", "0");
            CaseAdvanceTest.paidByCase(db, byFee, "drg", 100_000, null);
            db.jdbc.update("UPDATE discharged_case SET payment_kind = 'no_group', outcome = 'ungroupable' WHERE setl_id = ?", byFee);
            h.clearing.accept(ADMDVS, h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31)), "agency1");
            h.runs.create(ADMDVS, "RUN-2019-02", LocalDate.of(2019, 2, 5), "agency1");

            ClosedYear y = YearEndConfig.on(db.dataSource, RegionFixture.PACKS, TODAY).close(ADMDVS, 2019, YearEndInputs.none());
            assertThat(y.cases().lines()).extracting(l -> l.institutionCode() + " " + l.method() + " " + l.finalAmount() + " "
                    + l.advanced() + " " + l.balance()).containsExactly("H1 DRG 1500.00 1260.00 140.00");
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
        }
    }
}
