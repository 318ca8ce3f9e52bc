package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/**
 * Fiscal transfers (issue 13, budget-funded money), worked by hand on the Zhanjiang pack (2018: fiscal subsidy
 * 380.00 per resident, Luo 2020, §2.9.4; 15% to serious illness = 57.00, 85% to pooling = 323.00):
 * <pre>
 * January 2018  residents paid: two (01-10, 01-25)   pooling 2 × 323.00 = 646.00   serious illness 2 × 57.00 = 114.00
 *               assistance benefits 1,200.00 (01-15) − a 200.00 correction (01-30) = 1,000.00
 *               emergency benefits 300.50 (01-20)
 * February      residents paid: one (02-03)          pooling 323.00                 serious illness 57.00
 *               assistance benefits 450.25 (02-14); emergency nothing: no entry
 *               a resident recorded as due and unpaid brings no subsidy
 * Requested January (4 entries), received 2018-02-10 (4 entries). Then a late assistance payment of 100.00 dated
 * 2018-01-31 is posted: the next run requests the top-up 1,100.00 − 1,000.00 = 100.00 and receives it (2 entries).
 * February requested (3 entries), never received: at the year's end finance owes pooling 323.00, serious illness
 * 57.00, assistance 450.25, emergency 0.
 * Assistance: income 1,100.00 + 450.25 = 1,550.25 = its benefits: no spending without income.
 * </pre>
 */
class FiscalTransfersTest {
    static final String ADMDVS = "440800";

    static RegionFixture spendingAndResidents(TestDatabase db) {
        RegionFixture f = RegionFixture.open(db, ADMDVS);
        pay(f, LocalDate.of(2018, 1, 10));
        pay(f, LocalDate.of(2018, 1, 25));
        pay(f, LocalDate.of(2018, 2, 3));
        f.contributions.residentDue(new ResidentYearRequest(f.resident(f.person(), 1, LocalDate.of(2018, 1, 1)), 2018, null));
        spend(f, "assistance", LocalDate.of(2018, 1, 15), 120_000);
        f.post(f.entry(LocalDate.of(2018, 1, 30), "correction", "A1-corr")
                .move("assistance:payable_institutions", "assistance:benefits", 20_000).build());
        spend(f, "emergency", LocalDate.of(2018, 1, 20), 30_050);
        spend(f, "assistance", LocalDate.of(2018, 2, 14), 45_025);
        return f;
    }

    static void pay(RegionFixture f, LocalDate on) {
        f.contributions.payResident(new ResidentYearRequest(f.resident(f.person(), 1, LocalDate.of(2018, 1, 1)), 2018, on));
    }

    static void spend(RegionFixture f, String fund, LocalDate on, long fen) {
        f.post(f.entry(on, "settlement", fund + "-" + on).move(fund + ":benefits", fund + ":payable_institutions", fen).build());
    }

    static long transferEntries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'fiscal_transfer'", Long.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMonthIsRequestedThenReceivedOnceAndTheYearShowsWhatFinanceOwes(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = spendingAndResidents(db);

            // January requested: Dr fiscal_receivable, Cr fiscal_income, dated 2018-01-31
            FiscalTransfers.Result jan = f.fiscal.post(ADMDVS, 2018, 1, null);
            assertThat(jan.posted()).isEqualTo(4);
            assertThat(jan.funds()).extracting(t -> t.fund() + " " + t.requested() + " owed " + t.owed()).containsExactly(
                    "pooling 646.00 owed 646.00", "serious_illness 114.00 owed 114.00", "assistance 1000.00 owed 1000.00",
                    "emergency 300.50 owed 300.50");
            assertThat(jan.funds().get(0).basis()).startsWith("2 residents (2018) × 323.00 = 646.00");
            assertThat(jan.funds().get(2).basis()).isEqualTo("benefits paid in 2018-01: 1000.00 (Luo 2020, §2.2)");
            assertThat(f.balance("pooling:fiscal_receivable")).isEqualTo(64_600);
            assertThat(f.balance("pooling:fiscal_income")).isEqualTo(-64_600);
            assertThat(f.balance("assistance:fiscal_receivable")).isEqualTo(100_000);
            assertThat(db.jdbc.queryForObject("SELECT entry_date FROM journal_entry WHERE id = ?", LocalDate.class,
                    jan.funds().get(3).requestedEntryId())).isEqualTo(LocalDate.of(2018, 1, 31));

            // again: nothing new; then received on 2018-02-10: Dr bank, Cr fiscal_receivable; then again: nothing new
            assertThat(f.fiscal.post(ADMDVS, 2018, 1, null).posted()).isZero();
            assertThat(transferEntries(db)).isEqualTo(4);
            FiscalTransfers.Result paid = f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2018, 2, 10));
            assertThat(paid.posted()).isEqualTo(4);
            assertThat(paid.funds()).allSatisfy(t -> assertThat(t.owed()).isEqualByComparingTo("0"));
            assertThat(f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2018, 2, 11)).posted()).isZero();
            assertThat(transferEntries(db)).isEqualTo(8);
            assertThat(f.balance("pooling:fiscal_receivable")).isZero();
            // pooling bank: the residents' own parts 3 × 153.00 (85% of 180.00) + January's subsidies 646.00
            assertThat(f.balance("pooling:bank")).isEqualTo(3 * 15_300 + 64_600);
            assertThat(f.balance("emergency:bank")).isEqualTo(30_050);

            // spending dated in January posted after its request: the next run requests and receives the top-up
            spend(f, "assistance", LocalDate.of(2018, 1, 31), 10_000);
            FiscalTransfers.Result topUp = f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2018, 2, 12));
            assertThat(topUp.posted()).isEqualTo(2);
            assertThat(topUp.funds().get(2)).satisfies(t -> {
                assertThat(t.requested()).isEqualByComparingTo("1100.00");
                assertThat(t.received()).isEqualByComparingTo("1100.00");
                assertThat(t.owed()).isEqualByComparingTo("0");
            });
            assertThat(db.jdbc.queryForObject("SELECT cause_ref FROM journal_entry WHERE id = ?", String.class,
                    topUp.funds().get(2).requestedEntryId())).isEqualTo("assistance:2018-01:requested-2");
            assertThat(f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2018, 2, 12)).posted()).isZero();
            assertThat(transferEntries(db)).isEqualTo(10);

            // February requested, never received; emergency spent nothing: no entry
            FiscalTransfers.Result feb = f.fiscal.post(ADMDVS, 2018, 2, null);
            assertThat(feb.posted()).isEqualTo(3);
            assertThat(feb.funds().get(3).requested()).isNull();
            assertThat(feb.funds().get(3).due()).isEqualByComparingTo("0");
            assertThat(transferEntries(db)).isEqualTo(13);

            FundReport.Report r = f.report.report(ADMDVS, 2018);
            FundReport.FundYear assistance = FundReportTest.fund(r, "assistance");
            assertThat(assistance.months().get(0).fiscalIncome()).isEqualByComparingTo("1100.00");
            assertThat(assistance.months().get(0).fiscalReceivable()).isEqualByComparingTo("1100.00"); // January's end
            assertThat(assistance.months().get(1).fiscalReceivable()).isEqualByComparingTo("450.25"); // received, then Feb
            assertThat(assistance.year().fiscalIncome()).isEqualByComparingTo("1550.25");
            assertThat(assistance.year().income()).isEqualByComparingTo(assistance.year().expenditure());
            assertThat(assistance.year().fiscalReceivable()).as("finance owes at the year's end").isEqualByComparingTo("450.25");
            assertThat(FundReportTest.fund(r, "pooling").year().fiscalReceivable()).isEqualByComparingTo("323.00");
            assertThat(FundReportTest.fund(r, "serious_illness").year().fiscalIncome()).isEqualByComparingTo("171.00");
            assertThat(FundReportTest.fund(r, "emergency").year().fiscalReceivable()).isEqualByComparingTo("0");
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusalsNameTheirFieldAndLeaveNothingBehind(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = spendingAndResidents(db);
            refused(() -> f.fiscal.post(ADMDVS, null, 1, null), HttpStatus.BAD_REQUEST, "year", "required");
            refused(() -> f.fiscal.post(ADMDVS, 2018, null, null), HttpStatus.BAD_REQUEST, "month", "required");
            refused(() -> f.fiscal.post(ADMDVS, 2018, 13, null), HttpStatus.BAD_REQUEST, "month", "1 to 12, got 13");
            refused(() -> f.fiscal.post(ADMDVS, 2020, 6, null), HttpStatus.CONFLICT, "month", "2020-06 is not over");
            refused(() -> f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2018, 1, 30)), HttpStatus.BAD_REQUEST, "received_on",
                    "before the request of 2018-01");
            refused(() -> f.fiscal.post(ADMDVS, 2018, 1, LocalDate.of(2021, 1, 1)), HttpStatus.BAD_REQUEST, "received_on",
                    "in the future");
            refused(() -> f.fiscal.post("999999", 2018, 1, null), HttpStatus.NOT_FOUND, "admdvs", "no ledger");
            assertThat(transferEntries(db)).isZero();

            // a closed year takes no request; a receipt dated in the closed year neither
            f.fiscal.post(ADMDVS, 2018, 12, null);
            f.close.close(ADMDVS, 2018);
            refused(() -> f.fiscal.post(ADMDVS, 2018, 1, null), HttpStatus.CONFLICT, "month", "which region 440800 has closed");
            refused(() -> f.fiscal.post(ADMDVS, 2017, 12, LocalDate.of(2018, 1, 5)), HttpStatus.CONFLICT, "received_on",
                    "which region 440800 has closed");
            long before = transferEntries(db);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM fiscal_transfer", Long.class)).isEqualTo(before);
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    static void refused(Runnable r, HttpStatus status, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(ApiErrors.status(e.kind())).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ":").contains(message);
        });
    }
}
