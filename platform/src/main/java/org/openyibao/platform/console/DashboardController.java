package org.openyibao.platform.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.fsi.InterfaceCalls;
import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The agency's dashboard: per fund and month, income, expenditure and balance, as charts with the numbers beside
 * them (the ledger's fund report, {@link FundReport}); the months of expenditure each balance covers with the policy
 * pack's bands ({@link FundReserve}); the year's settlements by level, by kind of visit and the largest institutions
 * ({@link SettlementMix}); today's national-interface calls ({@link InterfaceCalls}); the latest ledger check
 * ({@link LedgerCheckRuns}), which agency staff may run from here. The region and year are chosen on the page; by
 * default the first region and its latest year with ledger entries.
 */
@Controller
public class DashboardController {
    private final RegistryService registry;
    private final FundReport funds;
    private final ConsoleQueries queries;
    private final FundReserve reserves;
    private final SettlementMix mix;
    private final InterfaceCalls calls;
    private final LedgerCheckRuns checks;
    private final AuditTrail audit;

    public DashboardController(RegistryService registry, FundReport funds, ConsoleQueries queries, FundReserve reserves,
                               SettlementMix mix, InterfaceCalls calls, LedgerCheckRuns checks, AuditTrail audit) {
        this.registry = registry;
        this.funds = funds;
        this.queries = queries;
        this.reserves = reserves;
        this.mix = mix;
        this.calls = calls;
        this.checks = checks;
        this.audit = audit;
    }

    @GetMapping("/console")
    public String dashboard(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year, Model model) {
        List<Region> regions = registry.regions();
        model.addAttribute("regions", regions);
        model.addAttribute("calls", calls.today());
        model.addAttribute("check", checks.latest());
        if (regions.isEmpty()) return "console/dashboard";
        Region region = regions.stream().filter(r -> r.admdvs().equals(admdvs)).findFirst().orElse(regions.get(0));
        int shown = year != null ? year : queries.latestLedgerYear(region.admdvs());
        FundReport.Report report = funds.report(region.admdvs(), shown);
        model.addAttribute("region", region);
        model.addAttribute("year", shown);
        model.addAttribute("report", report);
        model.addAttribute("reserves", reserves.of(region, report));
        model.addAttribute("mix", mix.of(region.admdvs(), shown));
        return "console/dashboard";
    }

    /** Runs the ledger check now (agency staff), keeps and audits its result, and shows the dashboard again. */
    @PostMapping("/console/ledger-check")
    public String runLedgerCheck(@AuthenticationPrincipal ConsoleUser user, HttpServletRequest request) {
        LedgerCheckRuns.Run run = checks.run(user.username());
        audit.record(request, "ledger_checked", "ledger", run.ok() ? "ok" : "broken: " + run.firstRule());
        return "redirect:/console?checked#ledger-check";
    }
}
