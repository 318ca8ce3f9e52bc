package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Full outpatient (2201 → 2203 → 2204 → 2206 → 2207) and inpatient (2401 → 2301 → 2402 → 2303 → 2304) flows as a
 * hospital system sends them (the request shapes of {@link FsiSettlementFlowTest}), over any {@link Caller}: one
 * that sends once, or one that retries a message with its msgid until it is answered.
 */
public final class FsiFlows {
    public static final JsonNodeFactory F = JsonNodeFactory.instance;

    private FsiFlows() {}

    /** An insured person as the hospital knows them: psn_no, ID number, insutype (310 employees, 390 residents). */
    public record Person(String psnNo, String certNo, String insutype) {}

    /** A fee line: catalogue code, quantity and unit price (yuan, as strings the way NW-style clients send them). */
    public record Line(String code, String cnt, String pric) {
        public BigDecimal amount() {
            return new BigDecimal(cnt).multiply(new BigDecimal(pric)).setScale(2);
        }
    }

    /** An answered message: its msgid, the reply as received and parsed (infcode 0). */
    public record Answer(String msgid, String text, JsonNode json) {
        public JsonNode output() {
            return json.get("output");
        }
    }

    /** Sends one message of a flow and returns its successful answer (or throws). */
    public interface Caller {
        Answer call(String infno, JsonNode input);
    }

    /** The settlement at the end of a flow: the 2207/2304 message, its input and reply, and the pre-settlement's setlinfo. */
    public record Settled(String infno, String msgid, JsonNode input, String replyText, JsonNode setlinfo, JsonNode preSetlinfo,
                   String mdtrtId) {
        public String setlId() {
            return setlinfo.get("setl_id").asText();
        }

        public BigDecimal money(String field) {
            return setlinfo.get(field).decimalValue();
        }
    }

    /** A message a flow would send: its infno and input. */
    public record Message(String infno, JsonNode input) {}

    /**
     * Runs {@code flow} over {@code c} up to its settlement message (2207 or 2304), which is not sent but returned: the
     * visit is then ready to settle.
     */
    public static Message upToSettlement(Caller c, java.util.function.Consumer<Caller> flow) {
        Message[] captured = new Message[1];
        try {
            flow.accept((infno, input) -> {
                if (infno.equals("2207") || infno.equals("2304")) {
                    captured[0] = new Message(infno, input);
                    throw new Stop();
                }
                return c.call(infno, input);
            });
        } catch (Stop expected) {
            return captured[0];
        }
        throw new AssertionError("the flow sent no settlement message");
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    public static ObjectNode data(Object... kv) {
        ObjectNode d = F.objectNode();
        for (int i = 0; i < kv.length; i += 2) d.putPOJO((String) kv[i], kv[i + 1]);
        ObjectNode in = F.objectNode();
        in.set("data", d);
        return in;
    }

    public static ArrayNode fees(String mdtrtId, String psnNo, LocalDate day, String batch, List<Line> lines) {
        ArrayNode a = F.arrayNode();
        int sn = 1;
        for (Line l : lines) {
            ObjectNode f = a.addObject();
            f.put("feedetl_sn", Integer.toString(sn++));
            f.put("mdtrt_id", mdtrtId);
            f.put("psn_no", psnNo);
            if (batch != null) f.put("chrg_bchno", batch);
            f.put("med_list_codg", l.code());
            f.put("medins_list_codg", "L-" + l.code());
            f.put("fee_ocur_time", day + " 10:00:00");
            f.put("cnt", l.cnt());
            f.put("pric", l.pric());
            f.put("det_item_fee_sumamt", l.amount().toPlainString());
        }
        return a;
    }

    public static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Registration, diagnosis, fee details, pre-settlement, settlement (2207) of one outpatient visit on {@code day}. */
    public static Settled outpatient(Caller c, Person p, LocalDate day, String tag, List<Line> lines) {
        Answer reg = c.call("2201", data("psn_no", p.psnNo(), "insutype", p.insutype(), "begntime", day + " 09:30:00",
                "mdtrt_cert_type", "02", "mdtrt_cert_no", p.certNo(), "ipt_otp_no", tag));
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();
        assertThat(mdtrtId).as(reg.text()).hasSize(30);

        ObjectNode visit = F.objectNode();
        visit.putObject("mdtrtinfo").put("mdtrt_id", mdtrtId).put("psn_no", p.psnNo()).put("med_type", "11")
                .put("begntime", day + " 09:30:00");
        visit.putArray("diseinfo").addObject().put("diag_type", "1").put("diag_srt_no", "1").put("diag_code", "J06.9")
                .put("diag_name", "URTI");
        c.call("2203", visit);

        ObjectNode fees = F.objectNode();
        fees.set("feedetail", fees(mdtrtId, p.psnNo(), day, "B1", lines));
        Answer up = c.call("2204", fees);
        assertThat(up.output().get("result")).as(up.text()).hasSize(lines.size());

        ObjectNode pre = data("psn_no", p.psnNo(), "mdtrt_cert_type", "02", "mdtrt_cert_no", p.certNo(), "med_type", "11",
                "medfee_sumamt", total(lines).toPlainString(), "psn_setlway", "01", "mdtrt_id", mdtrtId, "chrg_bchno", "B1",
                "acct_used_flag", "1", "insutype", p.insutype());
        JsonNode pi = c.call("2206", pre).output().get("setlinfo");
        identities(pi);

        ObjectNode settle = pre.deepCopy();
        ((ObjectNode) settle.get("data")).put("fulamt_ownpay_amt", pi.get("fulamt_ownpay_amt").decimalValue())
                .put("overlmt_selfpay", pi.get("overlmt_selfpay").decimalValue())
                .put("preselfpay_amt", pi.get("preselfpay_amt").decimalValue())
                .put("inscp_scp_amt", pi.get("inscp_scp_amt").decimalValue());
        Answer s = c.call("2207", settle);
        return settled("2207", s, settle, pi, mdtrtId);
    }

    /** Admission, fee details, discharge, pre-settlement, settlement (2304) of one inpatient stay ending on {@code day}. */
    public static Settled inpatient(Caller c, Person p, LocalDate day, String tag, List<Line> lines) {
        ObjectNode adm = F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", p.psnNo()).put("insutype", p.insutype()).put("begntime", day + " 08:00:00")
                .put("med_type", "21").put("ipt_no", tag);
        adm.putArray("diseinfo").addObject().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1")
                .put("diag_code", "I21.9").put("diag_name", "AMI");
        Answer a = c.call("2401", adm);
        String mdtrtId = a.output().at("/result/mdtrt_id").asText();
        assertThat(mdtrtId).as(a.text()).hasSize(30);

        ObjectNode fees = F.objectNode();
        fees.set("feedetail", fees(mdtrtId, p.psnNo(), day, null, lines));
        c.call("2301", fees);
        ObjectNode dscg = F.objectNode();
        dscg.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", p.psnNo()).put("endtime", day + " 18:00:00");
        c.call("2402", dscg);

        ObjectNode in = data("psn_no", p.psnNo(), "mdtrt_cert_type", "02", "mdtrt_cert_no", p.certNo(),
                "medfee_sumamt", total(lines).toPlainString(), "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", p.insutype());
        JsonNode pi = c.call("2303", in).output().get("setlinfo");
        identities(pi);
        Answer s = c.call("2304", in);
        return settled("2304", s, in, pi, mdtrtId);
    }

    /** Cancels a settlement: 2208 for an outpatient one (2207), 2305 for an inpatient one (2304). */
    public static Answer cancel(Caller c, Settled s) {
        Answer a = c.call(s.infno().equals("2304") ? "2305" : "2208", data("mdtrt_id", s.mdtrtId(), "setl_id", s.setlId(),
                "psn_no", s.setlinfo().get("psn_no").asText()));
        JsonNode ci = a.output().get("setlinfo");
        assertThat(ci.get("setl_id").asText()).as(a.text()).isEqualTo(s.setlId());
        assertThat(ci.get("medfee_sumamt").decimalValue()).as("a cancellation gives the total back: " + a.text())
                .isEqualByComparingTo(s.money("medfee_sumamt").negate());
        return a;
    }

    private static Settled settled(String infno, Answer s, JsonNode input, JsonNode pre, String mdtrtId) {
        JsonNode si = s.output().get("setlinfo");
        assertThat(si).as(s.text()).isNotNull();
        identities(si);
        assertThat(si.get("setl_id").asText()).as(s.text()).isNotBlank();
        assertThat(si.get("mdtrt_id").asText()).isEqualTo(mdtrtId);
        assertThat(si.get("medins_setl_id").asText()).isEqualTo(s.msgid());
        // the classification does not depend on what other settlements spent: the settlement agrees with its
        // pre-settlement there, whatever ran between them (the funds may differ under concurrency: caps, account)
        for (String f : new String[] {"medfee_sumamt", "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt"}) {
            assertThat(si.get(f).decimalValue()).as(f + " of " + s.text()).isEqualByComparingTo(pre.get(f).decimalValue());
        }
        return new Settled(infno, s.msgid(), input, s.text(), si, pre, mdtrtId);
    }

    /** The identities of INTERFACE §2 (2207) on a setlinfo, and no negative payment. */
    static void identities(JsonNode i) {
        BigDecimal total = i.get("medfee_sumamt").decimalValue();
        assertThat(i.get("fulamt_ownpay_amt").decimalValue().add(i.get("overlmt_selfpay").decimalValue())
                .add(i.get("preselfpay_amt").decimalValue()).add(i.get("inscp_scp_amt").decimalValue()))
                .as("medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt in %s", i)
                .isEqualByComparingTo(total);
        assertThat(i.get("fund_pay_sumamt").decimalValue().add(i.get("psn_part_amt").decimalValue())
                .add(i.get("hosp_part_amt").decimalValue()))
                .as("medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt in %s", i).isEqualByComparingTo(total);
        assertThat(i.get("acct_pay").decimalValue().add(i.get("psn_cash_pay").decimalValue()))
                .as("psn_part_amt = acct_pay + psn_cash_pay in %s", i).isEqualByComparingTo(i.get("psn_part_amt").decimalValue());
        assertThat(i.get("hifp_pay").decimalValue().add(i.get("cvlserv_pay").decimalValue()).add(i.get("hifes_pay").decimalValue())
                .add(i.get("hifmi_pay").decimalValue()).add(i.get("hifob_pay").decimalValue()).add(i.get("maf_pay").decimalValue())
                .add(i.get("oth_pay").decimalValue()))
                .as("fund_pay_sumamt = Σ funds in %s", i).isEqualByComparingTo(i.get("fund_pay_sumamt").decimalValue());
        for (String f : new String[] {"hifp_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay", "acct_pay", "psn_cash_pay",
                "fund_pay_sumamt", "balc"}) {
            assertThat(i.get(f).decimalValue()).as(f + " in " + i).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }
}
