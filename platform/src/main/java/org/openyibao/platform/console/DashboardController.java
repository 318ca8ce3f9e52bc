package org.openyibao.platform.console;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;

/**
 * The agency's dashboard: per fund and month, income, expenditure and balance, as charts with the numbers beside
 * them (the ledger's fund report, {@link FundReport}). The region and year are chosen on the page; by default the
 * first region and its latest year with ledger entries.
 */
@Controller
public class DashboardController {
    private final RegistryService registry;
    private final FundReport funds;
    private final ConsoleQueries queries;

    public DashboardController(RegistryService registry, FundReport funds, ConsoleQueries queries) {
        this.registry = registry;
        this.funds = funds;
        this.queries = queries;
    }

    @GetMapping("/console")
    public String dashboard(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year, Model model) {
        List<Region> regions = registry.regions();
        model.addAttribute("regions", regions);
        if (regions.isEmpty()) return "console/dashboard";
        Region region = regions.stream().filter(r -> r.admdvs().equals(admdvs)).findFirst().orElse(regions.get(0));
        int shown = year != null ? year : queries.latestLedgerYear(region.admdvs());
        model.addAttribute("region", region);
        model.addAttribute("year", shown);
        model.addAttribute("report", funds.report(region.admdvs(), shown));
        return "console/dashboard";
    }
}
