package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.platform.demo.DemoCredentials;
import org.openyibao.platform.fsi.FsiFlows;
import org.openyibao.platform.fsi.FsiTestClient;
import org.openyibao.platform.fsi.transactions.TestZips;
import org.openyibao.platform.registry.ResidentId;

/**
 * What the demo hospital does through the national interface so that its institution pages have something to show
 * (the demo settles through the services, not the interface): with the demo's own credential, a pharmacy purchase
 * by the demo's resident (2101/2102), an outpatient registration left open (2201), a 3201 totals reconciliation that
 * agrees, a 3202 detail reconciliation of an uploaded list (one row that agrees, one unknown), and a 3203 clearing
 * application for the period.
 */
final class InstitutionActivity {
    static final String RESIDENT = "44080000000003";
    static final String RESIDENT_CERT = "44080219650708003" + ResidentId.checkDigit("44080219650708003");

    /** What was made: the settlement, the open visit, the clearing application. */
    record Made(String setlId, String openVisit, String clearing) {}

    static Made run(int port, DemoCredentials.Kept credential) {
        FsiTestClient c = new FsiTestClient(port, credential.fixmedinsCode()).xTif(credential.paasid(), credential.secret()).signIn();
        ObjectNode in = FsiFlows.F.objectNode();
        in.putObject("druginfo").put("psn_no", RESIDENT).put("begntime", LocalDate.now() + " 11:00:00").put("medfee_sumamt", "50.00")
                .put("insutype", "390").put("med_type", "41");
        in.putArray("drugdetail").add(FsiFlows.fees("", RESIDENT, LocalDate.now(), null, java.util.List.of(
                new FsiFlows.Line("XA02", "5", "10.00"))).get(0));
        FsiTestClient.Reply s = c.call("2102", in);
        assertThat(s.infcode()).as(s.text()).isZero();
        JsonNode si = s.output().get("setlinfo");

        FsiTestClient.Reply reg = c.call("2201", FsiFlows.data("psn_no", RESIDENT, "insutype", "390", "begntime",
                LocalDate.now() + " 09:30:00", "mdtrt_cert_type", "02", "mdtrt_cert_no", RESIDENT_CERT, "ipt_otp_no", "OP-PAGES-1"));
        assertThat(reg.infcode()).as(reg.text()).isZero();

        String from = LocalDate.now().withDayOfMonth(1).toString();
        String to = LocalDate.now().toString();
        FsiTestClient.Reply rec = c.call("3201", FsiFlows.data("insutype", "390", "clr_type", "41", "setl_optins", "440800",
                "stmt_begndate", from, "stmt_enddate", to, "medfee_sumamt", si.get("medfee_sumamt").decimalValue(),
                "fund_pay_sumamt", si.get("fund_pay_sumamt").decimalValue(), "acct_pay", si.get("acct_pay").decimalValue(),
                "fixmedins_setl_cnt", 1));
        assertThat(rec.infcode()).as(rec.text()).isZero();

        String rows = String.join("\t", si.get("setl_id").asText(), si.get("mdtrt_id").asText(), RESIDENT,
                si.get("medfee_sumamt").decimalValue().toPlainString(), si.get("fund_pay_sumamt").decimalValue().toPlainString(),
                si.get("acct_pay").decimalValue().toPlainString(), "0") + "\r\n"
                + String.join("\t", "S-UNKNOWN", "M", RESIDENT, "1.00", "0.00", "0.00", "0") + "\r\n";
        ObjectNode up = FsiFlows.F.objectNode();
        up.putObject("fsUploadIn").put("in", Base64.getEncoder().encodeToString(TestZips.zip("3202.txt", rows)))
                .put("filename", "3202.zip").put("fixmedins_code", credential.fixmedinsCode());
        FsiTestClient.Reply uploaded = c.call("9101", up);
        assertThat(uploaded.infcode()).as(uploaded.text()).isZero();
        FsiTestClient.Reply details = c.call("3202", FsiFlows.data("setl_optins", "440800", "file_qury_no",
                uploaded.output().get("file_qury_no").asText(), "stmt_begndate", from, "stmt_enddate", to, "medfee_sumamt", "51.00",
                "fund_pay_sumamt", "0", "cash_payamt", "0", "fixmedins_setl_cnt", 2, "clr_type", "41"));
        assertThat(details.infcode()).as(details.text()).isZero();

        FsiTestClient.Reply clr = c.call("3203", FsiFlows.data("clr_type", "41", "clr_way", "1", "begndate", from, "enddate", to,
                "medfee_sumamt", si.get("medfee_sumamt").decimalValue(), "med_sumfee", si.get("medfee_sumamt").decimalValue(),
                "fund_appy_sum", si.get("fund_pay_sumamt").decimalValue(), "cash_payamt", si.get("psn_cash_pay").decimalValue(),
                "acct_pay", si.get("acct_pay").decimalValue()));
        assertThat(clr.infcode()).as(clr.text()).isZero();
        return new Made(si.get("setl_id").asText(), reg.output().at("/data/mdtrt_id").asText(), clr.output().get("clr_appy_evt_id").asText());
    }

    private InstitutionActivity() {}
}
