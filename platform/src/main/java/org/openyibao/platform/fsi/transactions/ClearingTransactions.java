package org.openyibao.platform.fsi.transactions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;

/**
 * 3201 reconcile totals (the institution's totals for a period against ours: stmt_rslt 0 agree,
 * 1 disagree, with the differences in stmt_rslt_dscr), 3203 clearing application and 3204 its
 * cancellation. An institution sees only its own settlements.
 */
@Component
public class ClearingTransactions implements FsiTransaction {
    private final JdbcTemplate jdbc;
    private final Reconciliations reconciliations;

    public ClearingTransactions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reconciliations = new Reconciliations(jdbc);
    }

    @Override
    public String infno() {
        return "3201";
    }

    @Override
    public List<String> infnos() {
        return List.of("3201", "3203", "3204");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        return switch (call.infno()) {
            case "3201" -> reconcile(call);
            case "3203" -> apply(call);
            default -> cancel(call);
        };
    }

    /** Our totals of this institution's settled (not cancelled) settlements, by settlement date and clearing type. */
    private Map<String, Object> totals(String inst, LocalDate from, LocalDate to, String clrType, String insutype) {
        String kind = kindOf(clrType);
        String scheme = "310".equals(insutype) ? "employee" : "390".equals(insutype) ? "resident" : null;
        return jdbc.queryForMap("SELECT COUNT(*) AS cnt, COALESCE(SUM(s.medfee_sumamt), 0) AS medfee,"
                + " COALESCE(SUM(s.fund_pay_sumamt), 0) AS fund, COALESCE(SUM(s.acct_pay), 0) AS acct,"
                + " COALESCE(SUM(s.psn_cash_pay), 0) AS cash"
                + " FROM fsi_settlement f JOIN settlement s ON s.setl_id = f.setl_id JOIN fsi_visit v ON v.mdtrt_id = f.mdtrt_id"
                + " LEFT JOIN enrolment e ON e.person_id = s.person_id AND e.valid_from <= s.visit_date"
                + " AND (e.valid_until IS NULL OR e.valid_until >= s.visit_date)"
                + " WHERE f.fixmedins_code = ? AND f.status = 'settled' AND CAST(f.setl_time AS DATE) BETWEEN ? AND ?"
                + " AND (CAST(? AS VARCHAR) IS NULL OR v.kind = ?) AND (CAST(? AS VARCHAR) IS NULL OR e.scheme = ?)",
                inst, from, to, kind, kind, scheme, scheme);
    }

    /** The visit kind a clearing type covers; null: every kind. */
    private static String kindOf(String clrType) {
        return switch (clrType == null ? "" : clrType) {
            case "11" -> "outpatient";
            case "21" -> "inpatient";
            case "41" -> "pharmacy";
            default -> null;
        };
    }

    private JsonNode reconcile(FsiCall call) {
        FsiFields d = call.data();
        String insutype = d.text("insutype");
        String clrType = d.text("clr_type");
        String optins = d.text("setl_optins");
        LocalDate from = d.date("stmt_begndate");
        LocalDate to = d.date("stmt_enddate");
        if (to.isBefore(from)) throw FsiException.invalid(d.path("stmt_enddate"), "is before stmt_begndate");
        Map<String, Object> ours = totals(call.fixmedinsCode(), from, to, clrType, insutype);
        StringBuilder diff = new StringBuilder();
        compare(diff, "medfee_sumamt", d.amount("medfee_sumamt"), n(ours.get("medfee")));
        compare(diff, "fund_pay_sumamt", d.amount("fund_pay_sumamt"), n(ours.get("fund")));
        compare(diff, "acct_pay", d.amount("acct_pay"), n(ours.get("acct")));
        long cnt = d.integer("fixmedins_setl_cnt");
        if (cnt != n(ours.get("cnt"))) diff.append("fixmedins_setl_cnt: yours ").append(cnt).append(", ours ").append(n(ours.get("cnt"))).append("; ");
        reconciliations.totals(call, new Reconciliations.Period(from, to, clrType, insutype), new Reconciliations.Declared(
                d.amount("medfee_sumamt"), d.amount("fund_pay_sumamt"), d.amount("acct_pay"), (int) cnt), diff.length() == 0,
                diff.toString().trim());
        ObjectNode out = SettlementReply.F.objectNode();
        ObjectNode s = out.putObject("stmtinfo");
        s.put("setl_optins", optins);
        s.put("stmt_rslt", diff.length() == 0 ? "0" : "1");
        s.put("stmt_rslt_dscr", diff.length() == 0 ? "平 (in agreement)" : "不平 (not in agreement): " + diff.toString().trim());
        return out;
    }

    private static void compare(StringBuilder diff, String field, long theirs, long ours) {
        if (theirs != ours) {
            diff.append(field).append(": yours ").append(Money.format(theirs)).append(", ours ").append(Money.format(ours)).append("; ");
        }
    }

    private JsonNode apply(FsiCall call) {
        FsiFields d = call.data();
        String clrType = d.text("clr_type", 10); // fsi_clearing.clr_type VARCHAR(10)
        d.text("clr_way");
        LocalDate from = d.date("begndate");
        LocalDate to = d.date("enddate");
        if (to.isBefore(from)) throw FsiException.invalid(d.path("enddate"), "is before begndate");
        long medfee = d.amount("medfee_sumamt");
        d.amount("med_sumfee");
        long fund = d.amount("fund_appy_sum");
        d.amount("cash_payamt");
        long acct = d.amount("acct_pay");
        Map<String, Object> ours = totals(call.fixmedinsCode(), from, to, clrType, null);
        if (medfee != n(ours.get("medfee")) || fund != n(ours.get("fund")) || acct != n(ours.get("acct"))) {
            throw FsiException.business("the claim does not match the period's settlements: ours medfee_sumamt "
                    + Money.format(n(ours.get("medfee"))) + ", fund " + Money.format(n(ours.get("fund"))) + ", account "
                    + Money.format(n(ours.get("acct"))) + "; reconcile with 3201 first");
        }
        // a rejected application no longer covers its period: the institution applies again
        Integer overlapping = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_clearing c WHERE c.fixmedins_code = ? AND c.clr_type = ?"
                + " AND c.status = 'applied' AND c.begndate <= ? AND c.enddate >= ? AND NOT EXISTS (SELECT 1 FROM"
                + " clearing_decision d WHERE d.clr_appy_evt_id = c.clr_appy_evt_id AND d.decision = 'rejected')",
                Integer.class, call.fixmedinsCode(), clrType, to, from);
        if (overlapping > 0) throw FsiException.business("a clearing application already covers part of this period");
        String id = "CLR" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
        jdbc.update("INSERT INTO fsi_clearing (clr_appy_evt_id, fixmedins_code, clr_type, begndate, enddate, medfee_sumamt,"
                        + " fund_pay_sumamt, acct_pay, setl_cnt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, call.fixmedinsCode(),
                clrType, from, to, medfee, fund, acct, n(ours.get("cnt")));
        // the settlements it covers, as totals() counted them: the agency decides on them, a payment run pays them
        jdbc.update("INSERT INTO clearing_settlement (clr_appy_evt_id, setl_id) SELECT ?, f.setl_id FROM fsi_settlement f"
                + " JOIN fsi_visit v ON v.mdtrt_id = f.mdtrt_id WHERE f.fixmedins_code = ? AND f.status = 'settled'"
                + " AND CAST(f.setl_time AS DATE) BETWEEN ? AND ? AND (CAST(? AS VARCHAR) IS NULL OR v.kind = ?)",
                id, call.fixmedinsCode(), from, to, kindOf(clrType), kindOf(clrType));
        ObjectNode out = SettlementReply.F.objectNode();
        out.put("clr_appy_evt_id", id);
        out.putObject("result").put("clr_appy_evt_id", id);
        return out;
    }

    private JsonNode cancel(FsiCall call) {
        FsiFields d = call.data();
        String id = d.text("clr_appy_evt_id");
        List<String> decided = jdbc.queryForList("SELECT d.decision FROM clearing_decision d JOIN fsi_clearing c"
                + " ON c.clr_appy_evt_id = d.clr_appy_evt_id WHERE d.clr_appy_evt_id = ? AND c.fixmedins_code = ?", String.class,
                id, call.fixmedinsCode());
        if (!decided.isEmpty()) {
            throw FsiException.business("clr_appy_evt_id: clearing application " + id + " was " + decided.get(0)
                    + " by the agency; it can no longer be cancelled");
        }
        // the agency's decision and this cancellation exclude each other: both take the application's row first
        int n = jdbc.update("UPDATE fsi_clearing SET status = 'cancelled' WHERE clr_appy_evt_id = ? AND fixmedins_code = ?"
                + " AND status = 'applied' AND NOT EXISTS (SELECT 1 FROM clearing_decision d WHERE d.clr_appy_evt_id = ?)",
                id, call.fixmedinsCode(), id);
        if (n == 0) throw FsiException.business("clr_appy_evt_id: no open clearing application " + id + " at this institution");
        return SettlementReply.F.objectNode();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
