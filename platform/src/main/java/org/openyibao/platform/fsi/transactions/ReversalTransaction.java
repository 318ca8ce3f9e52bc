package org.openyibao.platform.fsi.transactions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;

/**
 * 2601 reversal (冲正, INTERFACE §1.8): undoes the settlement an earlier message created, found by
 * its msgid ({@code omsgid}) and infno ({@code oinfno}). A client reverses when it did not get an
 * answer, so an original that never took effect is reversed successfully with nothing to do.
 */
@Component
public class ReversalTransaction implements FsiTransaction {
    private static final List<String> SETTLEMENTS = List.of("2207", "2304", "2102");

    private final FsiVisits visits;
    private final VisitTransactions visitTransactions;

    public ReversalTransaction(FsiVisits visits, VisitTransactions visitTransactions) {
        this.visits = visits;
        this.visitTransactions = visitTransactions;
    }

    @Override
    public String infno() {
        return "2601";
    }

    @Override
    public JsonNode handle(FsiCall call) {
        FsiFields d = call.data();
        String psnNo = d.text("psn_no");
        String omsgid = d.text("omsgid");
        String oinfno = d.code("oinfno", "2102", "2103", "2207", "2208", "2304", "2305", "2401");
        if (!SETTLEMENTS.contains(oinfno)) {
            throw FsiException.business("oinfno: reversing " + oinfno + " is not supported; use its own cancellation"
                    + " (2202/2404) or settle again");
        }
        List<Map<String, Object>> found = visits.settlementsByMsgid(call.fixmedinsCode(), omsgid);
        if (found.isEmpty()) {
            ObjectNode out = SettlementReply.F.objectNode();
            out.put("rever_stas", "0");
            out.put("memo", "no settlement was made by message " + omsgid + ": nothing to reverse");
            return out;
        }
        Map<String, Object> fs = found.get(0);
        if (!oinfno.equals(fs.get("infno"))) throw FsiException.business("oinfno: message " + omsgid + " was a " + fs.get("infno"));
        Map<String, Object> cancelled = visits.cancelSettlement((String) fs.get("setl_id"), null, call.fixmedinsCode(), psnNo);
        return visitTransactions.cancelled(call, cancelled);
    }
}
