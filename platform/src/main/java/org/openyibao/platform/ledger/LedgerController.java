package org.openyibao.platform.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/**
 * The ledger's own checks, for auditors (the same as {@code yibao ledger check}), and one journal entry with its lines:
 * where a report's entry id leads (the year-end report names every entry it sums or posts).
 */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "Ledger", description = "Invariant checks over the whole journal")
public class LedgerController {
    private final LedgerCheck check;
    private final JdbcTemplate jdbc;

    public LedgerController(LedgerCheck check, JdbcTemplate jdbc) {
        this.check = check;
        this.jdbc = jdbc;
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "One journal entry and its lines",
            description = "Region, business date, cause (type and reference), description, the entry it reverses, and each"
                    + " line: account code, debit, credit (yuan). Entries hold no personal data (settlements are named by"
                    + " setl_id, contributions by enrolment id).")
    public Map<String, Object> entry(@PathVariable String id) {
        long entryId;
        try {
            entryId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id", "id: a journal entry number, got '" + org.openyibao.engine.error.Echo.cut(id) + "'");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, admdvs, entry_date, cause_type, cause_ref, description,"
                + " reverses_entry_id FROM journal_entry WHERE id = ?", entryId);
        if (rows.isEmpty()) throw ApiException.notFound("id", "id: no journal entry " + entryId);
        Map<String, Object> e = rows.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entryId);
        out.put("admdvs", e.get("admdvs"));
        out.put("date", String.valueOf(e.get("entry_date")));
        out.put("cause_type", e.get("cause_type"));
        out.put("cause_ref", e.get("cause_ref"));
        out.put("description", e.get("description"));
        out.put("reverses_entry_id", e.get("reverses_entry_id"));
        out.put("lines", jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l JOIN ledger_account a"
                + " ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no", (rs, i) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("account", rs.getString(1));
            line.put("debit", Money.yuan(rs.getLong(2)));
            line.put("credit", Money.yuan(rs.getLong(3)));
            return line;
        }, entryId));
        return out;
    }

    @GetMapping("/check")
    @Operation(summary = "Verify every ledger invariant",
            description = "Debits = credits per entry, account balances = Σ lines, individual accounts never negative and"
                    + " equal to the holders' accounts, ≥ 2 lines per entry, each fund balanced within each entry, one region"
                    + " per entry, nothing posted into a closed year, no entry reversed twice. ok=false lists the violations,"
                    + " the first one first (at most 100 per rule).")
    public Map<String, Object> check() {
        LedgerCheck.Result r = check.run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", r.ok());
        out.put("entries", r.entries());
        out.put("lines", r.lines());
        out.put("accounts", r.accounts());
        out.put("regions", r.regions());
        out.put("debits", Money.yuan(r.debitsFen()));
        out.put("credits", Money.yuan(r.creditsFen()));
        out.put("individual_accounts", r.individualAccounts());
        out.put("individual_accounts_total", Money.yuan(r.individualAccountsFen()));
        out.put("holders_total", Money.yuan(r.holdersFen()));
        out.put("rules", LedgerCheck.RULES);
        List<Map<String, String>> violations = r.violations().stream().map(v -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("rule", v.rule());
            m.put("subject", v.subject());
            m.put("message", v.message());
            return m;
        }).toList();
        out.put("violations", violations);
        return out;
    }
}
