package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.platform.ledger.Ledger;

/**
 * The settlement replies (2206/2207/2208, {@code setlinfo} and {@code setldetail}) as the table of national fields
 * ({@link SettlementField}) makes them: the interface's field order, a cancellation's signs row by row, the fund
 * codes per scheme, and one person category (psn_type) for the same person in 1101 and 2207. At the other hospital
 * (OTHER, level II), so that the first hospital's reconciliations in other tests see none of these settlements.
 */
class FsiSettlementFieldsTest extends FsiServerTest {
    static final String RETIRED = "44080000000701";
    static final String RETIRED_CERT = "440802195501010071";
    static final String RESIDENT_2009 = "44080000000702";
    static final String RESIDENT_2009_CERT = "440802197003030045";

    /** setlinfo as INTERFACE §2 2207 lists it (OH Clinic2207OrderResult), hifdm_pay where the replies always had it. */
    static final List<String> SETLINFO = List.of("mdtrt_id", "setl_id", "psn_no", "psn_name", "psn_cert_type", "certno", "gend",
            "naty", "brdy", "age", "insutype", "psn_type", "cvlserv_flag", "setl_time", "mdtrt_cert_type", "med_type",
            "medfee_sumamt", "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt", "act_pay_dedc", "hifp_pay",
            "pool_prop_selfpay", "cvlserv_pay", "hifes_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay", "fund_pay_sumamt",
            "psn_part_amt", "acct_pay", "psn_cash_pay", "hosp_part_amt", "balc", "acct_mulaid_pay", "hifdm_pay", "medins_setl_id",
            "clr_optins", "clr_way", "clr_type", "exp_content");

    private static boolean seeded;

    @BeforeEach
    void people() {
        synchronized (FsiSettlementFieldsTest.class) {
            if (seeded) return;
            new Ledger(jdbc).openRegion("440800");
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, ?, 'Lin Retired', '1', DATE '1955-01-01', '440800'),"
                    + " (?, ?, 'Huang Resident', '2', DATE '1970-03-03', '440800')", RETIRED, RETIRED_CERT, RESIDENT_2009,
                    RESIDENT_2009_CERT);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, employment, valid_from, contributions_since)"
                    + " SELECT id, 'employee', '440800', 'combined', 'retired', DATE '2010-01-01', DATE '2010-01-01' FROM person"
                    + " WHERE psn_no = ?", RETIRED);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?",
                    RESIDENT_2009);
            seeded = true;
        }
    }

    private static ObjectNode fee(String mdtrtId, String psnNo, String sn, String code, String cnt, String pric) {
        return FsiSettlementFlowTest.fee(mdtrtId, psnNo, sn, code, cnt, pric, null);
    }

    /** An outpatient visit of {@code psnNo} on 2026-01-05 settled with 2207; returns the 2207 reply's output. */
    private JsonNode outpatientSettlement(FsiTestClient c, String psnNo, String certNo, String insutype) {
        FsiTestClient.Reply reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", psnNo, "insutype", insutype,
                "begntime", "2026-01-05 09:30:00", "mdtrt_cert_type", "02", "mdtrt_cert_no", certNo));
        assertThat(reg.infcode()).as(reg.text()).isZero();
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        fees.putArray("feedetail").add(fee(mdtrtId, psnNo, "1", "XA01", "2", "12.50"))
                .add(fee(mdtrtId, psnNo, "2", "XB03", "4", "15.00"));
        assertThat(c.call("2204", fees).infcode()).isZero();
        FsiTestClient.Reply s = c.call("2207", FsiSettlementFlowTest.data("psn_no", psnNo, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", certNo, "med_type", "11", "medfee_sumamt", "85.00", "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", insutype));
        assertThat(s.infcode()).as(s.text()).isZero();
        return s.output();
    }

    /** A resident admitted in June 2009: 60,000 yuan at level II, above the 15,000 pooling cap; returns the 2304 output. */
    private JsonNode residentInpatient2009(FsiTestClient c) {
        ObjectNode adm = FsiSettlementFlowTest.F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", RESIDENT_2009).put("insutype", "390").put("begntime", "2009-06-01 08:00:00")
                .put("med_type", "21").put("ipt_no", "IP-2009");
        adm.putArray("diseinfo").addObject().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1")
                .put("diag_code", "I21.9").put("diag_name", "AMI");
        FsiTestClient.Reply a = c.call("2401", adm);
        assertThat(a.infcode()).as(a.text()).isZero();
        String mdtrtId = a.output().at("/result/mdtrt_id").asText();
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        fees.putArray("feedetail").add(fee(mdtrtId, RESIDENT_2009, "1", "F006", "100", "600.00"));
        assertThat(c.call("2301", fees).infcode()).isZero();
        ObjectNode dscg = FsiSettlementFlowTest.F.objectNode();
        dscg.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", RESIDENT_2009).put("endtime", "2009-06-20 10:00:00");
        assertThat(c.call("2402", dscg).infcode()).isZero();
        FsiTestClient.Reply s = c.call("2304", FsiSettlementFlowTest.data("psn_no", RESIDENT_2009, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", RESIDENT_2009_CERT, "medfee_sumamt", "60000.00", "psn_setlway", "01", "mdtrt_id", mdtrtId,
                "insutype", "390"));
        assertThat(s.infcode()).as(s.text()).isZero();
        return s.output();
    }

    private static List<String> names(JsonNode o) {
        List<String> l = new ArrayList<>();
        o.fieldNames().forEachRemaining(l::add);
        return l;
    }

    @Test
    void aRetiredEmployeeHasOnePersonCategoryIn1101And2207() {
        FsiTestClient c = client(OTHER, "paas-other", "other-secret").signIn();
        FsiTestClient.Reply person = c.call("1101", FsiSettlementFlowTest.data("psn_no", RETIRED));
        assertThat(person.infcode()).as(person.text()).isZero();
        String in1101 = person.output().at("/insuinfo/0/psn_type").asText();
        JsonNode settled = outpatientSettlement(c, RETIRED, RETIRED_CERT, "310");
        assertThat(settled.at("/setlinfo/psn_type").asText()).as("2207 psn_type").isEqualTo(in1101);
        assertThat(in1101).as("a retired employee (11 in service, 12 retired)").isEqualTo("12");
        FsiTestClient.Reply cancel = c.call("2208", FsiSettlementFlowTest.data("mdtrt_id", settled.at("/setlinfo/mdtrt_id").asText(),
                "setl_id", settled.at("/setlinfo/setl_id").asText(), "psn_no", RETIRED));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        assertThat(cancel.output().at("/setlinfo/psn_type").asText()).as("2208 psn_type").isEqualTo(in1101);
    }

    @Test
    void setlinfoKeepsTheInterfaceFieldOrder() {
        FsiTestClient c = client(OTHER, "paas-other", "other-secret").signIn();
        JsonNode settled = outpatientSettlement(c, RETIRED, RETIRED_CERT, "310");
        assertThat(names(settled)).containsExactly("setlinfo", "setldetail");
        assertThat(names(settled.get("setlinfo"))).containsExactlyElementsOf(SETLINFO);
        for (JsonNode d : settled.get("setldetail")) {
            assertThat(names(d)).containsExactly("fund_pay_type", "inscp_scp_amt", "crt_payb_lmt_amt", "fund_payamt",
                    "fund_pay_type_name", "setl_proc_info");
        }
    }

    @Test
    void aCancellationNegatesEveryAmountOfSetlinfoAndSetldetail() {
        FsiTestClient c = client(OTHER, "paas-other", "other-secret").signIn();
        JsonNode settled = residentInpatient2009(c);
        JsonNode i = settled.get("setlinfo");
        FsiTestClient.Reply cancel = c.call("2305", FsiSettlementFlowTest.data("mdtrt_id", i.get("mdtrt_id").asText(),
                "setl_id", i.get("setl_id").asText(), "psn_no", RESIDENT_2009));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        JsonNode ci = cancel.output().get("setlinfo");
        for (SettlementField f : SettlementField.values()) {
            BigDecimal expected = f.cancellation() == SettlementField.Cancellation.NEGATE ? i.get(f.national()).decimalValue().negate()
                    : i.get(f.national()).decimalValue();
            if (f == SettlementField.BALC) continue;   // the balance after the cancellation gave the payment back
            assertThat(ci.get(f.national()).decimalValue()).as(f.national()).isEqualByComparingTo(expected);
        }
        JsonNode rows = settled.get("setldetail");
        JsonNode cancelled = cancel.output().get("setldetail");
        assertThat(cancelled).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            assertThat(cancelled.get(k).get("fund_pay_type").asText()).isEqualTo(rows.get(k).get("fund_pay_type").asText());
            for (String amount : new String[] {"inscp_scp_amt", "crt_payb_lmt_amt", "fund_payamt"}) {
                assertThat(cancelled.get(k).get(amount).decimalValue()).as("setldetail[%d].%s", k, amount)
                        .isEqualByComparingTo(rows.get(k).get(amount).decimalValue().negate());
            }
        }
    }

    @Test
    void aResidentsLargeAmountPaymentIsNotTheEmployeesSubsidy() {
        FsiTestClient c = client(OTHER, "paas-other", "other-secret").signIn();
        JsonNode settled = residentInpatient2009(c);
        BigDecimal hifob = settled.at("/setlinfo/hifob_pay").decimalValue();
        assertThat(hifob).as("the 2009 residents' large medical aid pays above the 15,000 cap").isPositive();
        List<String> codes = new ArrayList<>();
        BigDecimal reported = null;
        for (JsonNode d : settled.get("setldetail")) {
            codes.add(d.get("fund_pay_type").asText());
            if (d.get("fund_pay_type").asText().equals(SettlementField.HIFOB_PAY.fundCode(Scheme.RESIDENT))) {
                reported = d.get("fund_payamt").decimalValue();
                assertThat(d.get("fund_pay_type_name").asText()).isEqualTo(SettlementField.HIFOB_PAY.fundName(Scheme.RESIDENT));
            }
        }
        assertThat(codes).as("330100 is the employees' large-amount subsidy").doesNotContain("330100");
        assertThat(reported).as("the residents' large-amount row").isNotNull().isEqualByComparingTo(hifob);
        assertThat(codes).contains("390100");
    }
}
