package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The discharged case over the real interface (docs/hospital-payment.md#case-based-payment-on-the-platform): 2402
 * captures diagnoses, procedures, discharge way and birth weight; 2405 withdraws; 2304 adds the cost and the fund's
 * payment; 2305 and 2601 take the settlement back. Each change is an event, and the events cannot be changed.
 */
class FsiCaseCaptureTest extends FsiServerTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String PATIENT = "44080000000601";
    static final String CERT = "440802195003030031";

    private static boolean seeded;

    @BeforeEach
    void patient() {
        synchronized (FsiCaseCaptureTest.class) {
            if (seeded) return;
            new org.openyibao.platform.ledger.Ledger(jdbc).openRegion("440800"); // idempotent: other classes open it too
            // born 1950-03-03: 75 at an admission on 2026-02-01
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, ?, 'Lin Patient', '1', DATE '1950-03-03', '440800')", PATIENT, CERT);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PATIENT);
            seeded = true;
        }
    }

    private String admit(FsiTestClient c, String day) {
        ObjectNode adm = F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", PATIENT).put("insutype", "390").put("begntime", day + " 08:00:00")
                .put("med_type", "21").put("ipt_no", "IP-CASE");
        adm.putArray("diseinfo").addObject().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1")
                .put("diag_code", "I21.9").put("diag_name", "AMI");
        FsiTestClient.Reply a = c.call("2401", adm);
        assertThat(a.infcode()).as(a.text()).isZero();
        String mdtrtId = a.output().at("/result/mdtrt_id").asText();
        ObjectNode fees = F.objectNode();
        fees.putArray("feedetail").add(FsiSettlementFlowTest.fee(mdtrtId, PATIENT, "1", "F006", "10", "600.00", null))
                .add(FsiSettlementFlowTest.fee(mdtrtId, PATIENT, "2", "F002", "2", "180.00", null));
        assertThat(c.call("2301", fees).infcode()).isZero();
        return mdtrtId;
    }

    /** A 2402 with three diagnoses (the flagged main one sorted second), a main procedure and two further ones. */
    private static ObjectNode discharge(String mdtrtId, String endtime, String dscgWay) {
        ObjectNode d = F.objectNode();
        d.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", PATIENT).put("endtime", endtime)
                .put("dscg_way", dscgWay).put("oprn_oprt_code", "36.06");
        d.putArray("diseinfo")
                .add(F.objectNode().put("diag_type", "1").put("maindiag_flag", "0").put("diag_srt_no", "2").put("diag_code", "e11.9"))
                .add(F.objectNode().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1").put("diag_code", "I21.0"))
                .add(F.objectNode().put("diag_type", "1").put("maindiag_flag", "0").put("diag_srt_no", "3").put("diag_code", "J96.0"))
                .add(F.objectNode().put("diag_type", "1").put("vali_flag", "0").put("diag_srt_no", "4").put("diag_code", "Z99.9"));
        d.putArray("oprninfo")
                .add(F.objectNode().put("oprn_oprt_code", "88.56").put("main_oprn_flag", "0"))
                .add(F.objectNode().put("oprn_oprt_code", "00.66").put("main_oprn_flag", "0"));
        return d;
    }

    private Map<String, Object> stored(String mdtrtId) {
        return jdbc.queryForMap("SELECT * FROM discharged_case WHERE mdtrt_id = ?", mdtrtId);
    }

    private List<String> events(String mdtrtId) {
        return jdbc.queryForList("SELECT event_kind FROM case_review_event WHERE mdtrt_id = ? ORDER BY id", String.class, mdtrtId);
    }

    @Test
    void dischargeCapturesTheCaseSettlementCompletesItCancellationsUndoIt() {
        FsiTestClient c = hospital().signIn();
        String mdtrtId = admit(c, "2026-02-01");
        FsiTestClient.Reply d = c.call("2402", discharge(mdtrtId, "2026-02-11 10:00:00", "1"));
        assertThat(d.infcode()).as(d.text()).isZero();

        Map<String, Object> row = stored(mdtrtId);
        assertThat(row.get("principal_diagnosis")).isEqualTo("I21.0");
        // by diag_srt_no, the invalid (vali_flag 0) one left out, codes in capitals
        assertThat(row.get("secondary_diagnoses")).isEqualTo("E11.9,J96.0");
        assertThat(row.get("procedures")).isEqualTo("36.06,88.56,00.66");
        assertThat(row.get("dscg_way")).isEqualTo("1");
        assertThat(row.get("age_years")).isEqualTo(75);
        assertThat(row.get("age_days")).isEqualTo(0);
        assertThat(row.get("sex")).isEqualTo("1");
        assertThat(row.get("length_of_stay")).isEqualTo(10); // 1 February to 11 February
        assertThat(row.get("status")).isEqualTo("discharged");
        assertThat(row.get("institution_code")).isEqualTo(HOSPITAL);

        // 2405 withdraws the case, a second 2402 captures it again
        FsiTestClient.Reply cancel = c.call("2405", FsiSettlementFlowTest.data("mdtrt_id", mdtrtId, "psn_no", PATIENT));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        assertThat(stored(mdtrtId).get("status")).isEqualTo("withdrawn");
        assertThat(c.call("2402", discharge(mdtrtId, "2026-02-12 10:00:00", "5")).infcode()).isZero();
        assertThat(stored(mdtrtId).get("status")).isEqualTo("discharged");
        assertThat(stored(mdtrtId).get("length_of_stay")).isEqualTo(11);
        assertThat(stored(mdtrtId).get("dscg_way")).isEqualTo("5");

        ObjectNode in = FsiSettlementFlowTest.data("psn_no", PATIENT, "mdtrt_cert_type", "02", "mdtrt_cert_no", CERT,
                "medfee_sumamt", 6360, "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", "390");
        String msgid = msgid();
        FsiTestClient.Reply s = c.call("2304", msgid, in);
        assertThat(s.infcode()).as(s.text()).isZero();
        row = stored(mdtrtId);
        assertThat(row.get("status")).isEqualTo("settled");
        assertThat(row.get("setl_id")).isEqualTo(s.output().at("/setlinfo/setl_id").asText());
        // 10 × 600.00 + 2 × 180.00 = 6,360.00; the fund's payment as the settlement answered it
        assertThat(row.get("cost_fen")).isEqualTo(636_000L);
        assertThat(BigDecimal.valueOf((Long) row.get("fund_paid_fen"), 2))
                .isEqualByComparingTo(s.output().at("/setlinfo/fund_pay_sumamt").decimalValue());
        assertThat(row.get("emergency")).isEqualTo(false);
        // Zhanjiang pays inpatient cases by DIP from 2022 (policies/zhanjiang/case_payment.yaml), grouped with
        // illustrative-dip-1: I21 with 00.66 + 36.06 is the core combination I21-01 (score 320, average 32,000.00)
        assertThat(row.get("method")).isEqualTo("dip");
        assertThat(row.get("table_version")).isEqualTo("illustrative-dip-1");
        assertThat(row.get("outcome")).isEqualTo("grouped");
        assertThat(row.get("group_code")).isEqualTo("I21-01");
        assertThat(row.get("score_ppm")).isEqualTo(320_000_000L);
        // 6,360.00 is below 0.5 × 32,000.00: a low-cost deviation, points = 6,360 ÷ 32,000 × 320 = 63.6
        assertThat(row.get("payment_kind")).isEqualTo("low_outlier");
        assertThat(row.get("points_ppm")).isEqualTo(63_600_000L);
        assertThat((String) row.get("group_trace")).contains("I21-01");
        assertThat((String) row.get("payment_trace")).contains("63.6");

        // 2601 reversal by the original msgid: the case waits for the next settlement
        FsiTestClient.Reply rev = c.call("2601", FsiSettlementFlowTest.data("psn_no", PATIENT, "omsgid", msgid, "oinfno", "2304"));
        assertThat(rev.infcode()).as(rev.text()).isZero();
        row = stored(mdtrtId);
        assertThat(row.get("status")).isEqualTo("discharged");
        assertThat(row.get("setl_id")).isNull();
        assertThat(row.get("cost_fen")).isNull();
        assertThat(row.get("group_code")).isNull();
        assertThat(row.get("points_ppm")).isNull();

        // settled again, then cancelled by 2305
        FsiTestClient.Reply again = c.call("2304", in);
        assertThat(again.infcode()).as(again.text()).isZero();
        assertThat(stored(mdtrtId).get("status")).isEqualTo("settled");
        FsiTestClient.Reply c2305 = c.call("2305", FsiSettlementFlowTest.data("mdtrt_id", mdtrtId, "setl_id",
                again.output().at("/setlinfo/setl_id").asText(), "psn_no", PATIENT));
        assertThat(c2305.infcode()).as(c2305.text()).isZero();
        assertThat(stored(mdtrtId).get("status")).isEqualTo("discharged");

        assertThat(events(mdtrtId)).containsSubsequence("captured", "withdrawn", "captured", "grouped", "unsettled",
                "grouped", "unsettled");
        assertThatThrownBy(() -> jdbc.update("UPDATE case_review_event SET actor = 'someone' WHERE mdtrt_id = ?", mdtrtId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM case_review_event WHERE mdtrt_id = ?", mdtrtId))
                .hasMessageContaining("append-only");
    }

    @Test
    void badDischargeFieldsAreNamed() {
        FsiTestClient c = hospital().signIn();
        String mdtrtId = admit(c, "2026-03-01");
        FsiTestClient.Reply way = c.call("2402", discharge(mdtrtId, "2026-03-05 10:00:00", "7"));
        assertThat(way.infcode()).as(way.text()).isEqualTo(-1);
        assertThat(way.errMsg()).contains("dscginfo.dscg_way").contains("1, 2, 3, 4, 5, 9");

        ObjectNode noCode = discharge(mdtrtId, "2026-03-05 10:00:00", "1");
        ((ObjectNode) noCode.get("oprninfo").get(1)).remove("oprn_oprt_code");
        FsiTestClient.Reply op = c.call("2402", noCode);
        assertThat(op.infcode()).as(op.text()).isEqualTo(-1);
        assertThat(op.errMsg()).contains("oprninfo[1].oprn_oprt_code").contains("required");

        ObjectNode heavy = discharge(mdtrtId, "2026-03-05 10:00:00", "1");
        ((ObjectNode) heavy.get("dscginfo")).put("nwb_bir_wt", 12000);
        FsiTestClient.Reply w = c.call("2402", heavy);
        assertThat(w.infcode()).as(w.text()).isEqualTo(-1);
        assertThat(w.errMsg()).contains("dscginfo.nwb_bir_wt");
        // nothing was captured by the refused calls
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM discharged_case WHERE mdtrt_id = ?", Integer.class, mdtrtId)).isZero();
    }
}
