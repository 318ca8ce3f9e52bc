package org.openyibao.platform.fsi.transactions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;

/** 2501 transfer filing, 2503 chronic/special disease filing, and their cancellations 2502 / 2504 (INTERFACE §2). */
@Component
public class FilingTransactions implements FsiTransaction {
    private final JdbcTemplate jdbc;

    public FilingTransactions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String infno() {
        return "2501";
    }

    @Override
    public List<String> infnos() {
        return List.of("2501", "2502", "2503", "2504");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        if ("2502".equals(call.infno()) || "2504".equals(call.infno())) {
            FsiFields d = call.data();
            int n = jdbc.update("UPDATE fsi_filing SET status = 'cancelled' WHERE trt_dcla_detl_sn = ? AND fixmedins_code = ?"
                    + " AND status = 'valid'", d.text("trt_dcla_detl_sn"), call.fixmedinsCode());
            if (n == 0) throw FsiException.business("trt_dcla_detl_sn: no valid filing at this institution");
            return SettlementReply.F.objectNode();
        }
        FsiFields f = "2501".equals(call.infno()) ? call.fields().object("refmedin") : call.data();
        String psnNo = f.text("psn_no");
        if ("2501".equals(call.infno())) {
            f.text("diag_code");
            f.text("reflin_medins_no");
            f.text("refl_date");
        } else {
            f.text("opsp_dise_code");
        }
        List<Map<String, Object>> p = jdbc.queryForList("SELECT id FROM person WHERE psn_no = ?", psnNo);
        if (p.isEmpty()) throw FsiException.business("psn_no: no such insured person");
        String sn = call.infno() + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        jdbc.update("INSERT INTO fsi_filing (trt_dcla_detl_sn, infno, fixmedins_code, person_id, payload, begndate, enddate)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", sn, call.infno(), call.fixmedinsCode(), p.get(0).get("id"),
                f.node().toString(), f.optDate("begndate"), f.optDate("enddate"));
        ObjectNode out = SettlementReply.F.objectNode();
        out.putObject("result").put("trt_dcla_detl_sn", sn);
        return out;
    }
}
