package org.openyibao.platform.fsi.transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Settlement;

/**
 * The 2207 / 2304 / 2102 output: {@code setlinfo} with every fund field and {@code setldetail[]}
 * (INTERFACE §2 2207). Cancellations answer the same fields negated (2208, 2305).
 */
final class SettlementReply {
    static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SettlementReply() {}

    /** insutype: 310 employees' basic insurance, 390 urban-rural residents' (INTERFACE §3). */
    static String insutype(String scheme) {
        return Scheme.EMPLOYEE.key.equals(scheme) ? "310" : "390";
    }

    static ObjectNode build(Settlement s, int sign, String setlId, String mdtrtId, Map<String, Object> person, String scheme,
                            String medType, String clrType, String admdvs, String msgid, LocalDateTime setlTime) {
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
        i.put("insutype", insutype(scheme));
        i.put("psn_type", Scheme.EMPLOYEE.key.equals(scheme) ? "11" : "1101");
        i.put("cvlserv_flag", "0");
        i.put("setl_time", setlTime.format(TIME));
        i.put("mdtrt_cert_type", "02");
        i.put("med_type", medType);
        money(i, "medfee_sumamt", sign * s.medfeeSumamt());
        money(i, "fulamt_ownpay_amt", sign * s.fulamtOwnpayAmt());
        money(i, "overlmt_selfpay", sign * s.overlmtSelfpay());
        money(i, "preselfpay_amt", sign * s.preselfpayAmt());
        money(i, "inscp_scp_amt", sign * s.inscpScpAmt());
        money(i, "act_pay_dedc", sign * s.actPayDedc());
        money(i, "hifp_pay", sign * s.hifpPay());
        i.put("pool_prop_selfpay", BigDecimal.valueOf(s.poolPropSelfpay(), 6).setScale(4, RoundingMode.HALF_UP));
        money(i, "cvlserv_pay", sign * s.cvlservPay());
        money(i, "hifes_pay", 0);
        money(i, "hifmi_pay", sign * s.hifmiPay());
        money(i, "hifob_pay", sign * s.hifobPay());
        money(i, "maf_pay", sign * s.mafPay());
        money(i, "oth_pay", sign * s.othPay());
        money(i, "fund_pay_sumamt", sign * s.fundPaySumamt());
        money(i, "psn_part_amt", sign * s.psnPartAmt());
        money(i, "acct_pay", sign * s.acctPay());
        money(i, "psn_cash_pay", sign * s.psnCashPay());
        money(i, "hosp_part_amt", sign * s.hospPartAmt());
        money(i, "balc", s.balc());
        money(i, "acct_mulaid_pay", 0);
        money(i, "hifdm_pay", 0);
        i.put("medins_setl_id", msgid);
        i.put("clr_optins", admdvs);
        i.put("clr_way", "01");
        i.put("clr_type", clrType);
        i.putNull("exp_content");

        ArrayNode d = out.putArray("setldetail");
        boolean employee = Scheme.EMPLOYEE.key.equals(scheme);
        detail(d, employee ? "310100" : "390100", employee ? "职工基本医疗保险统筹基金" : "城乡居民基本医疗保险基金",
                s.inscpScpAmt(), sign * s.hifpPay());
        detail(d, "330100", "职工大额医疗费用补助", s.inscpScpAmt(), sign * s.hifobPay());
        detail(d, "391100", "城乡居民大病医疗保险", s.inscpScpAmt(), sign * s.hifmiPay());
        detail(d, "320100", "公务员医疗补助资金", s.inscpScpAmt(), sign * s.cvlservPay());
        detail(d, "610100", "医疗救助基金", s.inscpScpAmt(), sign * s.mafPay());
        detail(d, "999999", "其他基金 (公共卫生应急财政保障)", s.medfeeSumamt(), sign * s.othPay());
        detail(d, "310200", "职工基本医疗保险个人账户基金", s.inscpScpAmt(), sign * s.acctPay());
        return out;
    }

    private static void detail(ArrayNode d, String type, String name, long inscp, long fen) {
        if (fen == 0) return;
        ObjectNode o = d.addObject();
        o.put("fund_pay_type", type);
        money(o, "inscp_scp_amt", inscp);
        money(o, "crt_payb_lmt_amt", fen);
        money(o, "fund_payamt", fen);
        o.put("fund_pay_type_name", name);
        o.putNull("setl_proc_info");
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
