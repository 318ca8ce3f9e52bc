package org.openyibao.engine.calc;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.TraceEntry;
import org.openyibao.engine.settlement.Visit;

/** Writes settlements with the national field names, amounts in yuan with two decimals. */
public final class CalcWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private CalcWriter() {}

    public static ObjectNode write(CalcRequest request, List<Settlement> settlements) {
        ObjectNode root = F.objectNode();
        ObjectNode policy = root.putObject("policy");
        policy.put("region", request.pack().region());
        ArrayNode reforms = policy.putArray("reforms");
        request.pack().reforms().forEach(reforms::add);
        ArrayNode out = root.putArray("settlements");
        for (int i = 0; i < settlements.size(); i++) {
            out.add(settlement(request.visits().get(i), settlements.get(i)));
        }
        if (!settlements.isEmpty()) root.set("accumulators", accumulators(settlements.get(settlements.size() - 1).after()));
        return root;
    }

    public static ObjectNode settlement(Visit visit, Settlement s) {
        ObjectNode o = F.objectNode();
        o.put("date", visit.date().toString());
        o.put("type", visit.type().key);
        o.put("institution_level", visit.level().key);
        money(o, "medfee_sumamt", s.medfeeSumamt());
        money(o, "fulamt_ownpay_amt", s.fulamtOwnpayAmt());
        money(o, "overlmt_selfpay", s.overlmtSelfpay());
        money(o, "preselfpay_amt", s.preselfpayAmt());
        money(o, "inscp_scp_amt", s.inscpScpAmt());
        money(o, "act_pay_dedc", s.actPayDedc());
        money(o, "hifp_pay", s.hifpPay());
        o.put("pool_prop_selfpay", BigDecimal.valueOf(s.poolPropSelfpay(), 6).setScale(4, java.math.RoundingMode.HALF_UP));
        money(o, "cvlserv_pay", s.cvlservPay());
        money(o, "hifmi_pay", s.hifmiPay());
        money(o, "hifob_pay", s.hifobPay());
        money(o, "maf_pay", s.mafPay());
        money(o, "oth_pay", s.othPay());
        money(o, "fund_pay_sumamt", s.fundPaySumamt());
        money(o, "acct_pay", s.acctPay());
        money(o, "psn_cash_pay", s.psnCashPay());
        money(o, "psn_part_amt", s.psnPartAmt());
        money(o, "hosp_part_amt", s.hospPartAmt());
        money(o, "balc", s.balc());
        o.put("eligible", s.eligible());
        if (!s.eligible()) {
            o.put("reason_code", s.ineligibility().code());
            o.put("reason", s.ineligibility().explanation());
        }
        ArrayNode trace = o.putArray("trace");
        for (TraceEntry t : s.trace()) trace.add(trace(t));
        return o;
    }

    static JsonNode trace(TraceEntry t) {
        ObjectNode e = F.objectNode();
        e.put("rule", t.rule());
        e.put("explanation", t.explanation());
        money(e, "amount", t.amountFen());
        ArrayNode params = e.putArray("parameters");
        for (Cited c : t.parameters()) {
            ObjectNode p = params.addObject();
            p.put("path", c.path());
            p.put("value", c.value());
            p.put("since", c.since().toString());
            p.put("source", c.source());
        }
        return e;
    }

    static ObjectNode accumulators(Accumulators a) {
        ObjectNode o = F.objectNode();
        o.put("year", a.year());
        for (Accumulator k : Accumulator.values()) {
            if (k.unit() == Accumulator.Unit.YEAR) o.put(k.calcName(), (int) a.value(k));
            else money(o, k.calcName(), a.value(k));
        }
        return o;
    }

    private static void money(ObjectNode o, String field, long fen) {
        o.put(field, Money.yuan(fen));
    }
}
