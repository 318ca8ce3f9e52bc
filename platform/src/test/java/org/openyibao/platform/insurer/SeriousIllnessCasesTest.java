package org.openyibao.platform.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.engine.error.ErrorCode;
import org.openyibao.engine.policy.CaseAudit;
import org.openyibao.platform.PlatformError;
import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/**
 * The insurer's case audit on the ledger, worked by hand. Every resident here has one stay of 50,500.00 of class A
 * items at a level III hospital in 2018:
 * <pre>
 * pooling          (50,500.00 − deductible 500.00) × 50% = 25,000.00
 * serious illness  in-scope self-pay 50,500.00 − 25,000.00 = 25,500.00; band 20,000–50,000 at 50%:
 *                  (25,500.00 − 20,000.00) × 50% = 2,750.00                           (hifmi_pay, the case's amount)
 * bound            the bill less the other funds: 50,500.00 − (27,750.00 − 2,750.00) = 25,500.00
 * </pre>
 */
class SeriousIllnessCasesTest {
    static final String ADMDVS = "440800";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCaseOpensForEverySeriousIllnessSettlementAndNoneForOthers(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 2);
            var big = f.stay("R1", "2018-03-04", "50500");
            var small = f.stay("R2", "2018-03-05", "1000");   // (1,000 − 500) × 50%: no serious-illness part
            assertThat(big.settlement().hifmiPay()).isEqualTo(275_000);
            assertThat(small.settlement().hifmiPay()).isZero();
            long id = f.caseOf(big.setlId());
            assertThat(f.status(id)).isEqualTo("open");   // Zhanjiang: every case (Luo 2020, §2.9.4 (4))
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM si_case", Long.class)).isEqualTo(1);
            SeriousIllnessCases.Page open = f.cases.list(ADMDVS, CaseFilter.open());
            assertThat(open.rows()).extracting(SeriousIllnessCases.Case::setlId).containsExactly(big.setlId());
            assertThat(open.rows().get(0).sampling()).isEqualTo("all");
            assertThat(f.cases.unfinished(ADMDVS, 2018)).containsExactly("case " + id + " (settlement " + big.setlId()
                    + ", 2018-03-04) is open");
            assertThat(f.cases.unfinished(ADMDVS, 2019)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSamplingRuleOfTheContractDecidesOpenOrNotSampled(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            // Taicang's contract (DECISION): cases above 20,000.00 are reviewed; 2,750.00 passes. A stay of 160,000.00:
            // pooling (160,000 − 500) × 50% = 79,750; self-pay 80,250; serious illness 30,000 × 50% + 30,000 × 60%
            // + 250 × 80% = 15,000 + 18,000 + 200 = 33,200.00, above 20,000.00: reviewed
            CaseFixture f = CaseFixture.open(db, CaseFixture.TAICANG, 2);
            var small = f.stay("R1", "2018-03-04", "50500");
            var large = f.stay("R2", "2018-03-04", "160000");
            assertThat(large.settlement().hifmiPay()).isEqualTo(3_320_000);
            assertThat(f.status(f.caseOf(small.setlId()))).isEqualTo("not_sampled");
            assertThat(f.status(f.caseOf(large.setlId()))).isEqualTo("open");
            assertThat(db.jdbc.queryForObject("SELECT sampling FROM si_case WHERE setl_id = ?", String.class, small.setlId()))
                    .isEqualTo("above 20000.00");
            // a case passed without review cannot be decided
            assertThat(refusal(() -> f.decide(f.caseOf(small.setlId()), "approve", null, null))).isEqualTo(PlatformError.CONFLICT);
        }
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            // the made-up contract: a quarter of the cases, by a hash of setl_id (the same on every rerun)
            CaseFixture f = CaseFixture.open(db, CaseFixture.MADE_UP, 12);
            CaseAudit rule = CaseAudit.of(CaseFixture.MADE_UP, LocalDate.of(2018, 3, 4));
            for (int i = 1; i <= 12; i++) {
                var s = f.stay("R" + i, "2018-03-04", "50500");
                String expected = rule.sampled(s.setlId(), 275_000) ? "open" : "not_sampled";
                assertThat(f.status(f.caseOf(s.setlId()))).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void approveAdjustDownAdjustUpAndRejectPostWhatTheyShould(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 4);
            long[] c = new long[4];
            for (int i = 0; i < 4; i++) c[i] = f.caseOf(f.stay("R" + (i + 1), "2018-03-04", "50500").setlId());
            // settlements: 4 × 2,750.00 = 11,000.00 Dr benefits / Cr payable_institutions
            assertThat(f.balance(ADMDVS, "serious_illness:payable_institutions")).isEqualTo(-1_100_000);

            var approved = f.decide(c[0], "approve", null, null);                        // stands: no entry
            assertThat(approved.entryId()).isNull();
            assertThat(approved.toFen()).isEqualTo(275_000);
            var down = f.decide(c[1], "adjust", "2000.00", "out_of_catalogue");          // 2,750 → 2,000: recover 750.00
            var up = f.decide(c[2], "adjust", "3000", "underpaid");                      // 2,750 → 3,000: pay 250.00 more
            var rejected = f.decide(c[3], "reject", null, "not_serious_illness");        // 2,750 → 0: recover 2,750.00
            assertThat(rejected.toFen()).isZero();
            assertThat(lines(f, down.entryId())).containsExactly("440800:serious_illness:payable_institutions Dr 75000",
                    "440800:serious_illness:recoveries Cr 75000");
            assertThat(lines(f, up.entryId())).containsExactly("440800:serious_illness:benefits Dr 25000",
                    "440800:serious_illness:payable_institutions Cr 25000");
            assertThat(lines(f, rejected.entryId())).containsExactly("440800:serious_illness:payable_institutions Dr 275000",
                    "440800:serious_illness:recoveries Cr 275000");
            // payable: −11,000.00 + 750.00 − 250.00 + 2,750.00 = −7,750.00 = 2,750 + 2,000 + 3,000 + 0 owed
            assertThat(f.balance(ADMDVS, "serious_illness:payable_institutions")).isEqualTo(-775_000);
            assertThat(f.balance(ADMDVS, "serious_illness:recoveries")).isEqualTo(-350_000);   // 750.00 + 2,750.00
            assertThat(f.balance(ADMDVS, "serious_illness:benefits")).isEqualTo(1_125_000);    // 11,000.00 + 250.00
            assertThat(f.cases.recoveriesFen(ADMDVS, 2018)).isEqualTo(350_000);
            assertThat(f.cases.furtherPaymentsFen(ADMDVS, 2018)).isEqualTo(25_000);
            assertThat(f.cases.recoveriesFen(ADMDVS, 2019)).isZero();
            assertThat(List.of(c[0], c[1], c[2], c[3])).extracting(f::status)
                    .containsExactly("approved", "adjusted", "adjusted", "rejected");
            assertThat(f.cases.unfinished(ADMDVS, 2018)).isEmpty();
            assertThat(db.jdbc.queryForObject("SELECT entry_date FROM journal_entry WHERE id = ?", java.sql.Date.class,
                    down.entryId()).toLocalDate()).isEqualTo(CaseFixture.TODAY);
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAdjustmentRoundTripReachesTheFundReportAndThePersonsHistory(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 1);
            var s = f.stay("R1", "2018-03-04", "50500");
            f.decide(f.caseOf(s.setlId()), "adjust", "2000.00", "unnecessary_stay");
            FundReport.Report report = new FundReport(db.jdbc).report(ADMDVS, 2018);
            var si = report.funds().stream().filter(x -> x.fund().equals("serious_illness")).findFirst().orElseThrow();
            assertThat(si.year().recoveries()).isEqualByComparingTo("750.00");
            assertThat(si.months().get(8).recoveries()).isEqualByComparingTo("750.00");   // September: the decision day
            var found = f.settlements.find(s.setlId());
            assertThat(found.path("si_audit").path("status").asText()).isEqualTo("adjusted");
            assertThat(found.path("si_audit").path("hifmi_pay").asText()).isEqualTo("2000.00");
            assertThat(found.path("si_audit").path("settled_hifmi_pay").asText()).isEqualTo("2750.00");
            assertThat(found.path("si_audit").path("reason_code").asText()).isEqualTo("unnecessary_stay");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusalsNameTheFieldAndChangeNothing(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 1);
            long id = f.caseOf(f.stay("R1", "2018-03-04", "50500").setlId());
            long other = f.caseOf(f.stay("Q1", "2018-03-04", "50500").setlId());
            assertThat(field(() -> f.decide(id, "adjust", "2000", "not_serious_illness"))).isEqualTo("reason_code"); // reject only
            assertThat(field(() -> f.decide(id, "reject", null, "underpaid"))).isEqualTo("reason_code");            // adjust only
            assertThat(field(() -> f.decide(id, "reject", null, "no_such_reason"))).isEqualTo("reason_code");
            assertThat(field(() -> f.decide(id, "adjust", null, "out_of_catalogue"))).isEqualTo("new_amount");
            assertThat(field(() -> f.decide(id, "adjust", "-1", "out_of_catalogue"))).isEqualTo("new_amount");
            assertThat(field(() -> f.decide(id, "adjust", "1.234", "out_of_catalogue"))).isEqualTo("new_amount");
            assertThat(field(() -> f.decide(id, "adjust", "2750", "out_of_catalogue"))).isEqualTo("new_amount");   // unchanged
            assertThat(field(() -> f.decide(id, "adjust", "25500.01", "underpaid"))).isEqualTo("new_amount");      // above the bound
            assertThat(field(() -> f.decide(id, "pay", null, null))).isEqualTo("decision");
            assertThat(field(() -> f.cases.decide(ADMDVS, id, new SeriousIllnessCases.DecisionRequest("approve", null, null,
                    "x".repeat(501)), "insurer"))).isEqualTo("note");
            assertThat(refusal(() -> f.decide(other, "approve", null, null))).isEqualTo(PlatformError.NOT_FOUND);  // 440900's
            assertThat(f.status(id)).isEqualTo("open");
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'si_case'", Long.class)).isZero();
            f.decide(id, "adjust", "25500.00", "underpaid");                                // the bound itself is allowed
            assertThat(refusal(() -> f.decide(id, "approve", null, null))).isEqualTo(PlatformError.CONFLICT);
            assertThatThrownBy(() -> db.jdbc.update("DELETE FROM si_case_decision")).hasMessageContaining("append-only");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCancelledSettlementWithdrawsItsCaseAndReversesItsDecision(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 2);
            var a = f.stay("R1", "2018-03-04", "50500");
            var b = f.stay("R2", "2018-03-04", "50500");
            f.decide(f.caseOf(a.setlId()), "adjust", "2000", "duplicate_billing");
            f.settlements.cancel(a.setlId());
            f.settlements.cancel(b.setlId());
            assertThat(f.status(f.caseOf(a.setlId()))).isEqualTo("withdrawn");
            assertThat(f.status(f.caseOf(b.setlId()))).isEqualTo("withdrawn");
            assertThat(refusal(() -> f.decide(f.caseOf(b.setlId()), "approve", null, null))).isEqualTo(PlatformError.CONFLICT);
            // everything given back: nothing owed, nothing recovered
            assertThat(f.balance(ADMDVS, "serious_illness:payable_institutions")).isZero();
            assertThat(f.balance(ADMDVS, "serious_illness:recoveries")).isZero();
            assertThat(f.cases.recoveriesFen(ADMDVS, 2018)).isZero();
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void settlementsRecordedBeforeCasesGetThemOnFirstUse(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 1);
            var s = f.stay("R1", "2018-03-04", "50500");
            db.jdbc.update("DELETE FROM si_case");   // as a database migrated from before V120 holds it
            assertThat(f.cases.list(ADMDVS, CaseFilter.open()).total()).isEqualTo(1);
            assertThat(f.status(f.caseOf(s.setlId()))).isEqualTo("open");
            assertThat(f.cases.backfill(ADMDVS)).isZero();   // once
        }
    }

    static List<String> lines(CaseFixture f, long entryId) {
        return f.db.jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l JOIN ledger_account a ON a.id ="
                + " l.account_id WHERE l.entry_id = ? ORDER BY l.line_no", (rs, i) -> rs.getString(1)
                + (rs.getLong(2) > 0 ? " Dr " + rs.getLong(2) : " Cr " + rs.getLong(3)), entryId);
    }

    static ErrorCode refusal(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.code();
        }
        throw new AssertionError("not refused");
    }

    static String field(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(PlatformError.INVALID_FIELD);
            return e.field();
        }
        throw new AssertionError("not refused");
    }
}
