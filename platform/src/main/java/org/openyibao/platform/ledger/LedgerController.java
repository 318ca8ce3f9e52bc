package org.openyibao.platform.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.engine.money.Money;

/** The ledger's own checks, for auditors (the same as {@code yibao ledger check}). */
@RestController
@RequestMapping("/api/ledger")
@Tag(name = "Ledger", description = "Invariant checks over the whole journal")
public class LedgerController {
    private final LedgerCheck check;

    public LedgerController(LedgerCheck check) {
        this.check = check;
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
