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
            // no DIP budget stored for the residents, whose pool has 15 points; H2 with a global budget too
            db.jdbc.update("INSERT INTO institution_budget (admdvs, institution_code, budget_year, basis, last_year_spending_fen,"
                    + " annual_fen, monthly_fen, rules_date, steps, set_by, set_at) VALUES (?, 'H2', 2019, 'set_by_hand', 0, 0,"
                    + " '0', DATE '2019-01-01', '[]', 'agency1', CURRENT_TIMESTAMP)", ADMDVS);
            assertThatThrownBy(() -> close.close(ADMDVS, 2019, YearEndInputs.none())).isInstanceOfSatisfying(YearNotFinished.class,
                    e -> {
                        assertThat(e.unfinished().get("DIP budgets not stored")).singleElement().asString()
                                .contains("resident DIP budget is missing").contains("PUT /api/case-payment/440800/budgets/2019");
                        assertThat(e.unfinished().get("institutions with a global budget and case-paid cases")).containsExactly(
                                "H2: a global budget for 2019 and 1 cases paid by DRG/DIP; their spending would be settled twice"
                                        + " (docs/decisions.md#case-year-end)");
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

    private static long entries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
    }
}
