package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * Full outpatient, inpatient and pharmacy flows over HTTP with x-tif signing, as a hospital system
 * calls them (INTERFACE §2): person lookup, registration/admission, diagnoses, fee details,
 * pre-settlement, settlement, cancellations and a 2601 reversal; then reconciliation and clearing.
 */
class FsiSettlementFlowTest extends FsiServerTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String EMPLOYEE = "44080000000101";
    static final String RESIDENT = "44080000000102";
    static final String EMPLOYEE_CERT = "440802198001150013";

    @Autowired
    TransactionTemplate tx;
    @Autowired
    Ledger ledger;

    private static boolean seeded;

    @BeforeEach
    void people() {
        synchronized (FsiSettlementFlowTest.class) {
            if (seeded) return;
            new Ledger(jdbc).openRegion("440800");
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, ?, 'Chen Employee', '1', DATE '1980-01-15', '440800'),"
                    + " (?, '440802196507080036', 'Wu Resident', '2', DATE '1965-07-08', '440800')", EMPLOYEE, EMPLOYEE_CERT, RESIDENT);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                    + " SELECT id, 'employee', '440800', 'combined', DATE '2016-01-01', DATE '2016-01-01' FROM person WHERE psn_no = ?", EMPLOYEE);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", RESIDENT);
            long id = jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, EMPLOYEE);
            tx.executeWithoutResult(s -> ledger.post(JournalEntry.builder("440800", LocalDate.now(), "opening", EMPLOYEE,
                    "opening balance").creditIndividualAccount(id, "individual_accounts:bank", 200_000).build()));
            seeded = true;
        }
    }

    static ObjectNode data(Object... kv) {
        ObjectNode d = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) d.putPOJO((String) kv[i], kv[i + 1]);
        ObjectNode in = F.objectNode();
        in.set("data", d);
        return in;
    }

    static ObjectNode fee(String mdtrtId, String psnNo, String sn, String code, String cnt, String pric, String batch) {
        ObjectNode f = F.objectNode();
        f.put("feedetl_sn", sn);
        f.put("mdtrt_id", mdtrtId);
        f.put("psn_no", psnNo);
        f.put("chrg_bchno", batch);
        f.put("med_list_codg", code);
        f.put("medins_list_codg", "L-" + code);
        f.put("fee_ocur_time", "2026-01-05 10:00:00");
        f.put("cnt", cnt);                                   // strings, as NW-style clients send
        f.put("pric", pric);
        f.put("det_item_fee_sumamt", new BigDecimal(cnt).multiply(new BigDecimal(pric)).setScale(2).toPlainString());
        return f;
    }

    /** The person's settlements (other test classes settle in the same database). */
    private int settlements(String psnNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM settlement s JOIN person p ON p.id = s.person_id WHERE p.psn_no = ?",
                Integer.class, psnNo);
    }

    private static void identities(JsonNode i) {
        BigDecimal total = i.get("medfee_sumamt").decimalValue();
        assertThat(i.get("fulamt_ownpay_amt").decimalValue().add(i.get("overlmt_selfpay").decimalValue())
                .add(i.get("preselfpay_amt").decimalValue()).add(i.get("inscp_scp_amt").decimalValue())).isEqualByComparingTo(total);
        assertThat(i.get("fund_pay_sumamt").decimalValue().add(i.get("psn_part_amt").decimalValue())
                .add(i.get("hosp_part_amt").decimalValue())).isEqualByComparingTo(total);
        assertThat(i.get("acct_pay").decimalValue().add(i.get("psn_cash_pay").decimalValue()))
                .isEqualByComparingTo(i.get("psn_part_amt").decimalValue());
        assertThat(i.get("hifp_pay").decimalValue().add(i.get("cvlserv_pay").decimalValue()).add(i.get("hifes_pay").decimalValue())
                .add(i.get("hifmi_pay").decimalValue()).add(i.get("hifob_pay").decimalValue()).add(i.get("maf_pay").decimalValue())
                .add(i.get("oth_pay").decimalValue())).isEqualByComparingTo(i.get("fund_pay_sumamt").decimalValue());
    }

    @Test
    void outpatientFlowWithPreSettlementSettlementIdempotencyAndCancellation() {
        FsiTestClient c = hospital().signIn();
        // 1101 by the ID number (voucher type 02)
        FsiTestClient.Reply person = c.call("1101", data("mdtrt_cert_type", "02", "mdtrt_cert_no", EMPLOYEE_CERT));
        assertThat(person.infcode()).as(person.text()).isZero();
        assertThat(person.output().at("/baseinfo/psn_no").asText()).isEqualTo(EMPLOYEE);
        assertThat(person.output().at("/insuinfo/0/insutype").asText()).isEqualTo("310");
        assertThat(person.output().at("/insuinfo/0/balc").decimalValue()).isEqualByComparingTo("2000.00");

        FsiTestClient.Reply reg = c.call("2201", data("psn_no", EMPLOYEE, "insutype", "310", "begntime", "2026-01-05 09:30:00",
                "mdtrt_cert_type", "02", "mdtrt_cert_no", EMPLOYEE_CERT, "ipt_otp_no", "OP-1"));
        assertThat(reg.infcode()).as(reg.text()).isZero();
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();
        assertThat(mdtrtId).hasSize(30);

        ObjectNode visit = F.objectNode();
        visit.putObject("mdtrtinfo").put("mdtrt_id", mdtrtId).put("psn_no", EMPLOYEE).put("med_type", "11")
                .put("begntime", "2026-01-05 09:30:00");
        visit.putArray("diseinfo").addObject().put("diag_type", "1").put("diag_srt_no", "1").put("diag_code", "J06.9")
                .put("diag_name", "URTI");
        assertThat(c.call("2203", visit).infcode()).isZero();

        ObjectNode fees = F.objectNode();
        ArrayNode lines = fees.putArray("feedetail");
        lines.add(fee(mdtrtId, EMPLOYEE, "1", "XA01", "2", "12.50", "B1"));            // class A 25.00
        lines.add(fee(mdtrtId, EMPLOYEE, "2", "XB03", "4", "15.00", "B1"));            // class B, limit 12.00: over 12.00
        lines.add(fee(mdtrtId, EMPLOYEE, "3", "NOT-IN-CATALOGUE", "1", "30", "B1"));   // not in the catalogue: class C
        FsiTestClient.Reply up = c.call("2204", fees);
        assertThat(up.infcode()).as(up.text()).isZero();
        JsonNode r = up.output().get("result");
        // XB03: 4 × 15.00 = 60.00; over the 12.00 limit (15 − 12) × 4 = 12.00; self-pay-first 10% of 48.00 = 4.80
        assertThat(r.get(1).get("overlmt_amt").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(r.get(1).get("preselfpay_amt").decimalValue()).isEqualByComparingTo("4.80");
        assertThat(r.get(1).get("inscp_scp_amt").decimalValue()).isEqualByComparingTo("43.20");
        assertThat(r.get(2).get("chrgitm_lv").asText()).isEqualTo("03");
        assertThat(r.get(2).get("fulamt_ownpay_amt").decimalValue()).isEqualByComparingTo("30.00");

        ObjectNode pre = data("psn_no", EMPLOYEE, "mdtrt_cert_type", "02", "mdtrt_cert_no", EMPLOYEE_CERT, "med_type", "11",
                "medfee_sumamt", "115.00", "psn_setlway", "01", "mdtrt_id", mdtrtId, "chrg_bchno", "B1", "acct_used_flag", "1",
                "insutype", "310");
        FsiTestClient.Reply p = c.call("2206", pre);
        assertThat(p.infcode()).as(p.text()).isZero();
        JsonNode pi = p.output().get("setlinfo");
        identities(pi);
        // employees' general outpatient: no pooling; the account pays in-scope 68.20 + self-pay-first 4.80 = 73.00
        assertThat(pi.get("hifp_pay").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(pi.get("acct_pay").decimalValue()).isEqualByComparingTo("73.00");
        assertThat(pi.get("psn_cash_pay").decimalValue()).isEqualByComparingTo("42.00");
        assertThat(settlements(EMPLOYEE)).as("2206 records nothing").isZero();

        ObjectNode settle = pre.deepCopy();
        ((ObjectNode) settle.get("data")).put("fulamt_ownpay_amt", pi.get("fulamt_ownpay_amt").decimalValue())
                .put("overlmt_selfpay", pi.get("overlmt_selfpay").decimalValue()).put("preselfpay_amt", pi.get("preselfpay_amt").decimalValue())
                .put("inscp_scp_amt", pi.get("inscp_scp_amt").decimalValue());
        String msgid = msgid();
        FsiTestClient.Reply s = c.call("2207", msgid, settle);
        assertThat(s.infcode()).as(s.text()).isZero();
        JsonNode si = s.output().get("setlinfo");
        identities(si);
        // 2207 agrees with the preceding 2206
        for (String f : new String[] {"medfee_sumamt", "fund_pay_sumamt", "acct_pay", "psn_cash_pay", "inscp_scp_amt"}) {
            assertThat(si.get(f).decimalValue()).as(f).isEqualByComparingTo(pi.get(f).decimalValue());
        }
        assertThat(si.get("medins_setl_id").asText()).isEqualTo(msgid);
        assertThat(si.get("balc").decimalValue()).isEqualByComparingTo("1927.00");
        String setlId = si.get("setl_id").asText();

        // the same msgid again: the original reply, no second settlement
        FsiTestClient.Reply again = c.call("2207", msgid, settle);
        assertThat(again.output().at("/setlinfo/setl_id").asText()).isEqualTo(setlId);
        assertThat(settlements(EMPLOYEE)).isEqualTo(1);

        // another institution cannot see the visit
        FsiTestClient other = client(OTHER, "paas-other", "other-secret").signIn();
        FsiTestClient.Reply foreign = other.call("2208", data("mdtrt_id", mdtrtId, "setl_id", setlId, "psn_no", EMPLOYEE));
        assertThat(foreign.infcode()).isEqualTo(-2);

        FsiTestClient.Reply cancel = c.call("2208", data("mdtrt_id", mdtrtId, "setl_id", setlId, "psn_no", EMPLOYEE));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        assertThat(cancel.output().at("/setlinfo/acct_pay").decimalValue()).isEqualByComparingTo("-73.00");
        assertThat(cancel.output().at("/setlinfo/balc").decimalValue()).isEqualByComparingTo("2000.00");
        FsiTestClient.Reply twice = c.call("2208", data("mdtrt_id", mdtrtId, "setl_id", setlId, "psn_no", EMPLOYEE));
        assertThat(twice.infcode()).isEqualTo(-2);
        assertThat(twice.errMsg()).contains("already cancelled");
        assertThat(new LedgerCheck(jdbc).run().ok()).isTrue();
    }

    @Test
    void inpatientFlowAndReversalByOriginalMsgid() {
        FsiTestClient c = hospital().signIn();
        ObjectNode adm = F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", RESIDENT).put("insutype", "390").put("begntime", "2026-02-01 08:00:00")
                .put("med_type", "21").put("ipt_no", "IP-9");
        adm.putArray("diseinfo").addObject().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1")
                .put("diag_code", "I21.9").put("diag_name", "AMI");
        FsiTestClient.Reply a = c.call("2401", adm);
        assertThat(a.infcode()).as(a.text()).isZero();
        String mdtrtId = a.output().at("/result/mdtrt_id").asText();

        ObjectNode fees = F.objectNode();
        fees.putArray("feedetail").add(fee(mdtrtId, RESIDENT, "1", "F006", "10", "600.00", null))
                .add(fee(mdtrtId, RESIDENT, "2", "F002", "2", "180.00", null));
        assertThat(c.call("2301", fees).infcode()).isZero();
        ObjectNode dscg = F.objectNode();
        dscg.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", RESIDENT).put("endtime", "2026-02-11 10:00:00");
        assertThat(c.call("2402", dscg).infcode()).isZero();

        ObjectNode in = data("psn_no", RESIDENT, "mdtrt_cert_type", "02", "mdtrt_cert_no", "440802196507080036",
                "medfee_sumamt", 6360, "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", "390");
        FsiTestClient.Reply pre = c.call("2303", in);
        assertThat(pre.infcode()).as(pre.text()).isZero();
        String msgid = msgid();
        FsiTestClient.Reply s = c.call("2304", msgid, in);
        assertThat(s.infcode()).as(s.text()).isZero();
        JsonNode i = s.output().get("setlinfo");
        identities(i);
        // resident, level III, 2026 (2019 rules still in force): (6,360 − 500) × 50% = 2,930
        assertThat(i.get("hifp_pay").decimalValue()).isEqualByComparingTo("2930.00");
        assertThat(i.get("clr_type").asText()).isEqualTo("21");
        assertThat(s.output().get("setldetail").get(0).get("fund_pay_type").asText()).isEqualTo("390100");

        // the hospital never got the answer: it reverses by the original msgid
        FsiTestClient.Reply rev = c.call("2601", data("psn_no", RESIDENT, "omsgid", msgid, "oinfno", "2304"));
        assertThat(rev.infcode()).as(rev.text()).isZero();
        assertThat(rev.output().at("/setlinfo/hifp_pay").decimalValue()).isEqualByComparingTo("-2930.00");
        FsiTestClient.Reply again = c.call("2601", data("psn_no", RESIDENT, "omsgid", msgid, "oinfno", "2304"));
        assertThat(again.infcode()).isEqualTo(-2);
        // the visit can be settled again after the reversal
        FsiTestClient.Reply resettle = c.call("2304", in);
        assertThat(resettle.infcode()).as(resettle.text()).isZero();
        FsiTestClient.Reply cancel = c.call("2305", data("mdtrt_id", mdtrtId, "setl_id",
                resettle.output().at("/setlinfo/setl_id").asText(), "psn_no", RESIDENT));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        assertThat(new LedgerCheck(jdbc).run().ok()).isTrue();
    }

    @Test
    void pharmacyPurchaseAndClearing() {
        FsiTestClient c = hospital().signIn();
        ObjectNode in = F.objectNode();
        in.putObject("druginfo").put("psn_no", RESIDENT).put("begntime", "2026-03-01 11:00:00").put("medfee_sumamt", "50.00")
                .put("insutype", "390").put("med_type", "41");
        in.putArray("drugdetail").add(fee("", RESIDENT, "1", "XA02", "5", "10.00", null));
        FsiTestClient.Reply pre = c.call("2101", in);
        assertThat(pre.infcode()).as(pre.text()).isZero();
        assertThat(pre.output().get("detlcutinfo")).hasSize(1);
        FsiTestClient.Reply s = c.call("2102", in);
        assertThat(s.infcode()).as(s.text()).isZero();
        identities(s.output().get("setlinfo"));

        // 3201: the hospital's totals for March against ours
        JsonNode si = s.output().get("setlinfo");
        FsiTestClient.Reply rec = c.call("3201", data("insutype", "390", "clr_type", "41", "setl_optins", "440800",
                "stmt_begndate", LocalDate.now().withDayOfMonth(1).toString(), "stmt_enddate", LocalDate.now().toString(),
                "medfee_sumamt", si.get("medfee_sumamt").decimalValue(), "fund_pay_sumamt", si.get("fund_pay_sumamt").decimalValue(),
                "acct_pay", si.get("acct_pay").decimalValue(), "fixmedins_setl_cnt", 1));
        assertThat(rec.infcode()).as(rec.text()).isZero();
        assertThat(rec.output().at("/stmtinfo/stmt_rslt").asText()).isEqualTo("0");

        // 3202: the detail list uploaded as a zip (9101), the result file fetched with 9102
        String row = String.join("\t", si.get("setl_id").asText(), si.get("mdtrt_id").asText(), RESIDENT,
                si.get("medfee_sumamt").decimalValue().toPlainString(), si.get("fund_pay_sumamt").decimalValue().toPlainString(),
                si.get("acct_pay").decimalValue().toPlainString(), "0") + "\r\n"
                + String.join("\t", "S-UNKNOWN", "M", RESIDENT, "1.00", "0.00", "0.00", "0") + "\r\n";
        ObjectNode up = F.objectNode();
        up.putObject("fsUploadIn").put("in", java.util.Base64.getEncoder().encodeToString(
                org.openyibao.platform.fsi.transactions.TestZips.zip("3202.txt", row))).put("filename", "3202.zip")
                .put("fixmedins_code", HOSPITAL);
        FsiTestClient.Reply uploaded = c.call("9101", up);
        assertThat(uploaded.infcode()).as(uploaded.text()).isZero();
        FsiTestClient.Reply details = c.call("3202", data("setl_optins", "440800", "file_qury_no",
                uploaded.output().get("file_qury_no").asText(), "stmt_begndate", LocalDate.now().withDayOfMonth(1).toString(),
                "stmt_enddate", LocalDate.now().toString(), "medfee_sumamt", "51.00", "fund_pay_sumamt", "0", "cash_payamt", "0",
                "fixmedins_setl_cnt", 2, "clr_type", "41"));
        assertThat(details.infcode()).as(details.text()).isZero();
        ObjectNode down = F.objectNode();
        down.putObject("fsDownloadIn").put("file_qury_no", details.output().at("/fileinfo/file_qury_no").asText())
                .put("filename", details.output().at("/fileinfo/filename").asText()).put("fixmedins_code", "plc");
        FsiTestClient.Reply file = c.call("9102", down);
        assertThat(file.contentType()).contains("octet-stream");
        String[] lines = org.openyibao.platform.fsi.transactions.TestZips.unzip(file.bytes()).split("\r\n");
        assertThat(lines[0].split("\t")[4]).as("the settlement agrees").isEqualTo("0");
        assertThat(lines[1].split("\t")[4]).as("an unknown settlement does not").isEqualTo("1");
        // another institution cannot download it
        FsiTestClient.Reply foreign = client(OTHER, "paas-other", "other-secret").signIn().call("9102", down);
        assertThat(foreign.infcode()).isEqualTo(-2);

        FsiTestClient.Reply cancel = c.call("2103", data("setl_id", si.get("setl_id").asText(), "mdtrt_id", si.get("mdtrt_id").asText(),
                "psn_no", RESIDENT));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
    }

    /** 1301 → 9102: the catalogue in the national tab-separated layout, read back by the engine's national loader. */
    @Test
    void catalogueDownloadRoundTripsThroughTheNationalFormat() throws Exception {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply made = c.call("1301", data("ver", "0"));
        assertThat(made.infcode()).as(made.text()).isZero();
        ObjectNode down = F.objectNode();
        down.putObject("fsDownloadIn").put("file_qury_no", made.output().get("file_qury_no").asText())
                .put("filename", made.output().get("filename").asText()).put("fixmedins_code", "plc");
        FsiTestClient.Reply file = c.call("9102", down);
        java.nio.file.Path txt = java.nio.file.Files.createTempFile("1301", ".txt");
        java.nio.file.Files.writeString(txt, org.openyibao.platform.fsi.transactions.TestZips.unzip(file.bytes()));
        org.openyibao.engine.policy.Catalogue cat = org.openyibao.engine.policy.Catalogue.loadNational(txt, 1, 2, 92, 93, 94);
        assertThat(cat.find("XB03").lineClass()).isEqualTo(org.openyibao.engine.policy.LineClass.B);
        assertThat(cat.find("XB03").selfPayFirstPpm()).isEqualTo(100_000);
        assertThat(cat.find("XB03").priceLimitFen()).isEqualTo(1_200);
        assertThat(cat.find("F001")).as("service items are 1305's").isNull();
        java.nio.file.Files.delete(txt);
    }

    @Test
    void badFieldsAreNamedWithInfcodeMinusOne() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = c.call("2201", data("insutype", "310"));
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.data.psn_no: required");
        FsiTestClient.Reply fee = c.call("2204", F.objectNode().set("feedetail", F.arrayNode().add(
                fee("X", EMPLOYEE, "1", "XA01", "2", "12.50", "B").put("det_item_fee_sumamt", "99.00"))));
        assertThat(fee.infcode()).isIn(-1, -2);
    }
}
