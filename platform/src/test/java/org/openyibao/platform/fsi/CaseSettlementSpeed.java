package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.openyibao.platform.casepayment.CaseSettlement;

/**
 * What grouping and paying a settled case costs the platform in the settlement's transaction (CaseSettlement.groupAndPay:
 * read the case, the pack's rules, the table version, group, pay, write the row and its event), on H2 in memory. A
 * measurement, not run by the suite (its name ends in Speed):
 * {@code mvn -o test -pl platform -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CaseSettlementSpeed}.
 */
class CaseSettlementSpeed extends FsiServerTest {
    static final String PATIENT = "44080000001501";

    @Autowired
    CaseSettlement settlement;

    @Test
    void groupAndPayASettledCase() {
        new org.openyibao.platform.ledger.Ledger(jdbc).openRegion("440800");
        jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES (?, '440802197007070077',"
                + " 'Speed Patient', '1', DATE '1970-07-07', '440800')", PATIENT);
        jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PATIENT);
        FsiTestClient c = hospital().signIn();
        ObjectNode adm = FsiSettlementFlowTest.F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", PATIENT).put("insutype", "390").put("begntime", "2026-05-01 08:00:00")
                .put("med_type", "21");
        adm.putArray("diseinfo").addObject().put("maindiag_flag", "1").put("diag_code", "I21.9");
        String mdtrtId = c.call("2401", adm).output().at("/result/mdtrt_id").asText();
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        fees.putArray("feedetail").add(FsiSettlementFlowTest.fee(mdtrtId, PATIENT, "1", "F006", "10", "600.00", null));
        c.call("2301", fees);
        ObjectNode d = FsiSettlementFlowTest.F.objectNode();
        d.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", PATIENT).put("endtime", "2026-05-08 10:00:00");
        c.call("2402", d);
        assertThat(c.call("2304", FsiSettlementFlowTest.data("psn_no", PATIENT, "mdtrt_cert_type", "02", "mdtrt_cert_no",
                "440802197007070077", "medfee_sumamt", 6000, "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", "390"))
                .infcode()).isZero();
        for (int i = 0; i < 2_000; i++) settlement.groupAndPay(mdtrtId); // warm-up
        int n = 10_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) settlement.groupAndPay(mdtrtId);
        double us = (System.nanoTime() - t0) / 1_000.0 / n;
        System.out.printf("CaseSettlementSpeed: groupAndPay %.0f µs a case (%d cases, H2 in memory, one thread)%n", us, n);
        assertThat(jdbc.queryForObject("SELECT group_code FROM discharged_case WHERE mdtrt_id = ?", String.class, mdtrtId))
                .isEqualTo("I21-03");
    }
}
