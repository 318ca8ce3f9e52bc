package org.openyibao.platform.fsi.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementField;

/**
 * The 2207 / 2304 / 2102 output: {@code setlinfo} with every national settlement field and {@code setldetail[]} with a
 * row per fund that paid (INTERFACE §2 2207), both read from the table of fields ({@link SettlementField}) in its
 * order, which is the interface's. Cancellations (2208, 2305, 2103, a 2601 reversal) answer the same fields with
 * each field's cancellation sign: amounts negated, the pooling ratio and the balance as they are.
 */
final class SettlementReply {
    static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SettlementReply() {}

    /**
     * The reply for settlement {@code s} ({@code cancellation}: of its cancellation) of a person whose enrolment that
     * day is {@code scheme} ({@code null}: uninsured) and {@code employment}.
     */
    static ObjectNode build(Settlement s, boolean cancellation, String setlId, String mdtrtId, Map<String, Object> person,
                            Scheme scheme, Employment employment, String medType, String clrType, String admdvs, String msgid,
                            LocalDateTime setlTime) {
        ObjectNode out = F.objectNode();
        ObjectNode i = out.putObject("setlinfo");
        i.put("mdtrt_id", mdtrtId);
        if (setlId != null) i.put("setl_id", setlId);
        i.put("psn_no", (String) person.get("psn_no"));
        i.put("psn_name", (String) person.get("name"));
        i.put("psn_cert_type", "01");
        i.put("certno", (String) person.get("cert_no"));
        i.put("gend", (String) person.get("gender"));
        i.put("naty", "01");
        LocalDate brdy = toDate(person.get("birth_date"));
        i.put("brdy", brdy.toString());
        i.put("age", age(brdy, setlTime.toLocalDate()));
        i.put("insutype", InsuranceCodes.insutype(scheme));
        i.put("psn_type", InsuranceCodes.psnType(scheme, employment));
        i.put("cvlserv_flag", "0");
        i.put("setl_time", setlTime.format(TIME));
        i.put("mdtrt_cert_type", "02");
        i.put("med_type", medType);
        for (SettlementField f : SettlementField.values()) {
            i.put(f.national(), CalcWriter.decimal(f, value(s, f, cancellation)));
            // hifes_pay, enterprise supplementary insurance (企业补充医疗保险): required (Y) in setlinfo, but no scheme
            // here has one, so it is not a settlement field: always 0, in its place after cvlserv_pay
            if (f == SettlementField.CVLSERV_PAY) money(i, "hifes_pay", 0);
        }
        // acct_mulaid_pay (the account's family mutual aid, 个人账户共济) and hifdm_pay (disabled persons' medical
        // subsidy, 伤残人员医疗保障): required by the interface, paid by nothing here, always 0
        money(i, "acct_mulaid_pay", 0);
        money(i, "hifdm_pay", 0);
        i.put("medins_setl_id", msgid);
        i.put("clr_optins", admdvs);
        i.put("clr_way", "01");
        i.put("clr_type", clrType);
        i.putNull("exp_content");

        ArrayNode d = out.putArray("setldetail");
        Scheme funds = scheme == null ? Scheme.RESIDENT : scheme;
        for (SettlementField f : SettlementField.values()) {
            if (!f.isFund() || s.value(f) == 0) continue;
            // the emergency cover pays the rest of the cost, out-of-catalogue lines included (policies/*/emergency.yaml,
            // seed 000 L161): its scope is the whole cost; every other fund's is the in-scope amount
            SettlementField scope = f == SettlementField.OTH_PAY ? SettlementField.MEDFEE_SUMAMT : SettlementField.INSCP_SCP_AMT;
            long paid = value(s, f, cancellation);
            ObjectNode o = d.addObject();
            o.put("fund_pay_type", f.fundCode(funds));
            money(o, "inscp_scp_amt", value(s, scope, cancellation));
            money(o, "crt_payb_lmt_amt", paid);
            money(o, "fund_payamt", paid);
            o.put("fund_pay_type_name", f.fundName(funds));
            o.putNull("setl_proc_info");
        }
        return out;
    }

    /** The field's value in the settlement's reply, or in its cancellation's (the field's cancellation sign). */
    private static long value(Settlement s, SettlementField f, boolean cancellation) {
        return cancellation ? f.onCancellation(s.value(f)) : s.value(f);
    }

    static void money(ObjectNode o, String field, long fen) {
        o.put(field, org.openyibao.engine.money.Money.yuan(fen));
    }

    static BigDecimal age(LocalDate birth, LocalDate on) {
        Period p = Period.between(birth, on);
        return BigDecimal.valueOf(p.getYears() * 10L + p.getMonths() * 10L / 12, 1);
    }

    static LocalDate toDate(Object o) {
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(o.toString());
    }
}
