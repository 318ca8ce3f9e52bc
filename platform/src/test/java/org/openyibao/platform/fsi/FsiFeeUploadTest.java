package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fee details (2204) are checked against the visit's stored lines and stored in one batch: a feedetl_sn already
 * uploaded, or given twice in one upload, is refused and nothing of that upload is kept; a line cancelled with 2205
 * can be uploaded again under its feedetl_sn.
 */
class FsiFeeUploadTest extends FsiServerTest {
    static final String PERSON = "44080000000301";

    private static boolean seeded;

    @BeforeEach
    void person() {
        synchronized (FsiFeeUploadTest.class) {
            if (seeded) return;
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, '440802197203040051', 'Ou Uploader', '1', DATE '1972-03-04', '440800')", PERSON);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PERSON);
            seeded = true;
        }
    }

    private static ObjectNode fees(String mdtrtId, String batch, String... sns) {
        ObjectNode in = FsiSettlementFlowTest.F.objectNode();
        ArrayNode lines = in.putArray("feedetail");
        for (String sn : sns) lines.add(FsiSettlementFlowTest.fee(mdtrtId, PERSON, sn, "XA01", "2", "12.50", batch));
        return in;
    }

    private int lines(String mdtrtId, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fsi_fee_detail WHERE mdtrt_id = ? AND status = ?", Integer.class, mdtrtId, status);
    }

    @Test
    void repeatedSerialNumbersAreRefusedAndCancelledLinesReplaced() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", PERSON, "insutype", "390",
                "begntime", "2026-01-05 09:30:00"));
        assertThat(reg.infcode()).as(reg.text()).isZero();
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();

        assertThat(c.call("2204", fees(mdtrtId, "B1", "1", "2")).infcode()).isZero();
        FsiTestClient.Reply again = c.call("2204", fees(mdtrtId, "B2", "3", "2"));
        assertThat(again.infcode()).isEqualTo(-2);
        assertThat(again.errMsg()).isEqualTo("feedetl_sn: 2 was already uploaded for this visit");
        FsiTestClient.Reply twice = c.call("2204", fees(mdtrtId, "B2", "4", "4"));
        assertThat(twice.infcode()).isEqualTo(-2);
        assertThat(twice.errMsg()).isEqualTo("feedetl_sn: 4 was already uploaded for this visit");
        assertThat(lines(mdtrtId, "active")).as("nothing of a refused upload is kept").isEqualTo(2);

        FsiTestClient.Reply cancel = c.call("2205", FsiSettlementFlowTest.data("mdtrt_id", mdtrtId, "chrg_bchno", "B1", "psn_no", PERSON));
        assertThat(cancel.infcode()).as(cancel.text()).isZero();
        assertThat(lines(mdtrtId, "cancelled")).isEqualTo(2);
        FsiTestClient.Reply replaced = c.call("2204", fees(mdtrtId, "B3", "1", "5"));
        assertThat(replaced.infcode()).as(replaced.text()).isZero();
        assertThat(replaced.output().get("result")).hasSize(2);
        assertThat(lines(mdtrtId, "active")).isEqualTo(2);
        assertThat(lines(mdtrtId, "cancelled")).as("the cancelled line 1 was replaced, line 2 stays cancelled").isEqualTo(1);
    }
}
