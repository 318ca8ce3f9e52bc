package org.openyibao.platform.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.casepayment.CaseYearEnds;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.support.TestDatabase;

/**
 * The monthly advance of case-paid settlements by a payment run (docs/hospital-payment.md#monthly-advance-of-drg-and-dip-cases),
 * on H2 and PostgreSQL, worked by hand with Zhanjiang's advance rules (advance.share 0.9, advance.dip_point_value
 * 95.00). H1 (no budget: paid in full) has four settlements of January 2019, each with 100.00 paid by the patient in
 * cash; three are DRG cases, one a DIP case:
 * <pre>
 * S1 hifp 1,000.00, DRG payment 1,500.00: (1,500.00 − 100.00) × 0.9 = 1,260.00 advanced → pooling + 260.00
 * S2 hifp 1,000.00, DRG payment   800.00: (  800.00 − 100.00) × 0.9 =   630.00 advanced → pooling − 370.00
 * S3 hifp    50.00, DRG payment     0.00: (0 − 100.00) is negative: nothing advanced → pooling − 50.00 (to nothing)
 * S4 hifp 1,000.00, DIP 11 points: (11 × 95.00 − 100.00) × 0.9 = 945.00 × 0.9 = 850.50 advanced → pooling − 149.50
 * pooling: 3,050.00 + 260.00 − 370.00 − 50.00 − 149.50 = 2,740.50 paid; the adjustment − 309.50 posted
 * Dr pooling:payable_institutions / Cr pooling:benefits
 * </pre>
 * The year-end preview: DRG final 1,500.00 + 800.00 + 0 = 2,300.00 − the patients' 300.00 = 2,000.00 due; advanced
 * 1,260.00 + 630.00 + 0 = 1,890.00; balance 110.00 for the fund to pay. DIP, the residents' budget 1,000.00:
 * distributable 1,000.00 + the patient's 100.00 = 1,100.00, all to H1's 11 points; due 1,000.00, advanced 850.50,
 * balance 149.50.
 */
class CaseAdvanceTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRunAdvancesCasePaidSettlementsByTheCaseRulesAndTheYearEndSetsTheFinalAgainstIt(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            String s1 = h.settle("H1", LocalDate.of(2019, 1, 10), "1000.00", "0", "0");
            String s2 = h.settle("H1", LocalDate.of(2019, 1, 11), "1000.00", "0", "0");
            String s3 = h.settle("H1", LocalDate.of(2019, 1, 12), "50.00", "0", "0");
            String s4 = h.settle("H1", LocalDate.of(2019, 1, 13), "1000.00", "0", "0");
            paidByCase(db, s1, "drg", 150_000, null);
            paidByCase(db, s2, "drg", 80_000, null);
            paidByCase(db, s3, "drg", 0, null);
            paidByCase(db, s4, "dip", 0, 11_000_000L);

            String a = h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31));
            h.clearing.accept(ADMDVS, a, "agency1");
            long benefits = h.balance("pooling:benefits");
            h.runs.create(ADMDVS, "RUN-CASES", LocalDate.of(2019, 2, 5), "agency1");

            Map<String, Object> line = db.jdbc.queryForMap("SELECT * FROM payment_run_line WHERE run_id = 'RUN-CASES'"
                    + " AND fund = 'pooling'");
            assertThat(((Number) line.get("amount_fen")).longValue()).isEqualTo(274_050L);
            assertThat(((Number) line.get("case_adjustment_fen")).longValue()).isEqualTo(-30_950L);
            assertThat(((Number) line.get("bank_fen")).longValue()).isEqualTo(274_050L);
            assertThat(h.balance("pooling:benefits") - benefits).as("the adjustment is a benefit of the pooling fund")
                    .isEqualTo(-30_950L);
            assertThat(db.jdbc.queryForList("SELECT advanced_fen FROM discharged_case ORDER BY settled_on", Long.class))
                    .containsExactly(126_000L, 63_000L, 0L, 85_050L);
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();

            CaseYearEnds.Preview y = new CaseYearEnds(db.jdbc, h.regions)
                    .preview(ADMDVS, 2019, Map.of(Scheme.RESIDENT, 100_000L));
            assertThat(y.drg()).singleElement().satisfies(d -> {
                assertThat(d.finalAmount()).isEqualByComparingTo("2300.00");
                assertThat(d.fundDue()).isEqualByComparingTo("2000.00");
                assertThat(d.advanced()).isEqualByComparingTo("1890.00");
                assertThat(d.balance()).isEqualByComparingTo("110.00");
            });
            assertThat(y.dip()).singleElement().satisfies(d -> {
                assertThat(d.points()).isEqualByComparingTo("11");
                assertThat(d.finalAmount()).isEqualByComparingTo("1100.00");
                assertThat(d.advanced()).isEqualByComparingTo("850.50");
                assertThat(d.balance()).isEqualByComparingTo("149.50");
            });
        }
    }

    /** The settlement's visit as a settled discharged case paid by {@code method}: its payment in fen, or its points. */
    static void paidByCase(TestDatabase db, String setlId, String method, long paymentFen, Long pointsPpm) {
        Map<String, Object> s = db.jdbc.queryForMap("SELECT f.mdtrt_id, s.person_id, s.institution_code, s.medfee_sumamt,"
                + " s.fund_pay_sumamt, s.visit_date FROM settlement s JOIN fsi_settlement f ON f.setl_id = s.setl_id"
                + " WHERE s.setl_id = ?", setlId);
        db.jdbc.update("INSERT INTO discharged_case (mdtrt_id, admdvs, institution_code, person_id, principal_diagnosis, age_years,"
                        + " age_days, sex, admitted_on, discharged_on, length_of_stay, setl_id, settled_on, cost_fen, fund_paid_fen,"
                        + " method, outcome, payment_kind, payment_fen, points_ppm, status, updated_at, scheme) VALUES (?, ?, ?, ?, 'I21.9',"
                        + " 60, 0, '1', ?, ?, 1, ?, ?, ?, ?, ?, 'grouped', 'standard', ?, ?, 'settled', CURRENT_TIMESTAMP, 'resident')",
                s.get("mdtrt_id"), ADMDVS, s.get("institution_code"), s.get("person_id"), s.get("visit_date"), s.get("visit_date"),
                setlId, s.get("visit_date"), s.get("medfee_sumamt"), s.get("fund_pay_sumamt"), method, paymentFen, pointsPpm);
    }
}
