package org.openyibao.platform.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.demo.DemoRegion;
import org.openyibao.platform.fsi.InterfaceCalls;
import org.openyibao.platform.web.ApiException;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The agency's dashboard: per fund and month, income, expenditure and balance, as charts with the numbers beside
 * them (the ledger's fund report, {@link org.openyibao.platform.ledger.FundReport}); the months of expenditure each balance covers with the policy
 * pack's bands ({@link FundReserve}); the year's settlements by level, by kind of visit and the largest institutions
 * ({@link SettlementMix}); today's national-interface calls ({@link InterfaceCalls}); the latest ledger check
 * ({@link LedgerCheckRuns}), which agency staff may run from here. The figures of the ledger and the settlements are
 * kept for a minute ({@link DashboardFigures}); the calls and the check are read as they are. The region and year are
 * chosen on the page; by default the first region and its latest year with ledger entries. In demo mode, the demo
 * region's page says why its year is not a fund's year (a handful of people cannot pool risk; the demo posts no fiscal
 * transfers): issue 12.
 */
@Controller
public class DashboardController {
    private final RegistryService registry;
    private final ConsoleQueries queries;
    private final DashboardFigures figures;
    private final InterfaceCalls calls;
    private final LedgerCheckRuns checks;
    private final AuditTrail audit;
    private final boolean demo;

    public DashboardController(RegistryService registry, ConsoleQueries queries, DashboardFigures figures, InterfaceCalls calls,
                               LedgerCheckRuns checks, AuditTrail audit, @Value("${yibao.demo.enabled:false}") boolean demo) {
        this.registry = registry;
        this.queries = queries;
        this.figures = figures;
        this.calls = calls;
        this.checks = checks;
        this.audit = audit;
        this.demo = demo;
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
        if (shown < 1900 || shown > 9998) throw ApiException.badRequest("year", "year: " + shown + " is not a valid year");
        DashboardFigures.Figures f = figures.of(region, shown);
        model.addAttribute("region", region);
        model.addAttribute("demoRegion", demo && DemoRegion.ADMDVS.equals(region.admdvs()));
        model.addAttribute("year", shown);
        model.addAttribute("figures", f);
        model.addAttribute("report", f.report());
        model.addAttribute("reserves", f.reserves());
        model.addAttribute("mix", f.mix());
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
