package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input the database could not hold (a text longer than its column, a quantity beyond numeric(16,4)) is refused
 * with infcode -1 naming the field, not answered "internal error".
 */
class FsiBadInputTest extends FsiServerTest {
    static final String PSN = "44080000000901";

    private static boolean seeded;

    @BeforeEach
    void person() {
        synchronized (FsiBadInputTest.class) {
            if (seeded) return;
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, '440802198001150901', 'Bad Input', '1', DATE '1980-01-15', '440800')", PSN);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PSN);
            seeded = true;
        }
    }

    private static String repeat(int n) {
        return "X".repeat(n);
    }

    private String register(FsiTestClient c) {
        FsiTestClient.Reply reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", PSN, "insutype", "390",
                "begntime", "2026-01-05 09:30:00"));
        assertThat(reg.infcode()).as(reg.text()).isZero();
        return reg.output().at("/data/mdtrt_id").asText();
    }

    @Test
    void tooLongTextsAreNamed() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", PSN, "insutype", repeat(11),
                "begntime", "2026-01-05 09:30:00"));
        assertThat(reg.infcode()).as(reg.text()).isEqualTo(-1);
        assertThat(reg.errMsg()).contains("input.data.insutype").doesNotContain("internal");

        reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", PSN, "ipt_otp_no", repeat(41),
                "begntime", "2026-01-05 09:30:00"));
        assertThat(reg.infcode()).as(reg.text()).isEqualTo(-1);
        assertThat(reg.errMsg()).contains("input.data.ipt_otp_no");

        String mdtrtId = register(c);
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        fees.putArray("feedetail").add(FsiSettlementFlowTest.fee(mdtrtId, PSN, "1", "XA01", "1", "1.00", repeat(41)));
        FsiTestClient.Reply up = c.call("2204", fees);
        assertThat(up.infcode()).as(up.text()).isEqualTo(-1);
        assertThat(up.errMsg()).contains("input.feedetail[0].chrg_bchno");

        ObjectNode visit = FsiSettlementFlowTest.F.objectNode();
        visit.putObject("mdtrtinfo").put("mdtrt_id", mdtrtId).put("psn_no", PSN).put("med_type", "11");
        var dise = visit.putArray("diseinfo");
        for (int i = 0; i < 30; i++) dise.addObject().put("diag_srt_no", String.valueOf(i + 1)).put("diag_code", "A" + repeat(19));
        FsiTestClient.Reply dx = c.call("2203", visit);
        assertThat(dx.infcode()).as(dx.text()).isEqualTo(-1);
        assertThat(dx.errMsg()).contains("input.diseinfo").contains("too many diagnoses");
        dise.removeAll().addObject().put("diag_code", repeat(21));
        dx = c.call("2203", visit);
        assertThat(dx.infcode()).as(dx.text()).isEqualTo(-1);
        assertThat(dx.errMsg()).contains("input.diseinfo[0].diag_code");
    }

    @Test
    void aClearingTypeLongerThanItsColumnIsNamed() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = c.call("3203", FsiSettlementFlowTest.data("clr_type", repeat(11), "clr_way", "1",
                "begndate", "2026-01-01", "enddate", "2026-01-31", "medfee_sumamt", "0", "med_sumfee", "0",
                "fund_appy_sum", "0", "cash_payamt", "0", "acct_pay", "0"));
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.data.clr_type");
    }

    @Test
    void quantitiesBeyondTheColumnAreNamed() {
        FsiTestClient c = hospital().signIn();
        String mdtrtId = register(c);
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        ObjectNode line = FsiSettlementFlowTest.fee(mdtrtId, PSN, "1", "XA01", "1", "1.00", null);
        line.put("cnt", "100000000000000000");     // 1e17 × 1000: beyond numeric(16,2) as an amount
        line.put("pric", "1000");
        line.put("det_item_fee_sumamt", "1.00");
        fees.putArray("feedetail").add(line);
        FsiTestClient.Reply up = c.call("2204", fees);
        assertThat(up.infcode()).as(up.text()).isEqualTo(-1);
        assertThat(up.errMsg()).contains("input.feedetail[0].").doesNotContain("internal");

        line.put("cnt", "1000000000000");           // 13 digits: beyond numeric(16,4)
        line.put("pric", "0.000001");
        line.put("det_item_fee_sumamt", "10000.00");
        up = c.call("2204", fees);
        assertThat(up.infcode()).as(up.text()).isEqualTo(-1);
        assertThat(up.errMsg()).contains("input.feedetail[0].cnt");
    }
}
