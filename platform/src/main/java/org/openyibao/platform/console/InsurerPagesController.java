package org.openyibao.platform.console;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The commercial insurer running serious-illness insurance (大病保险) in one region (issue 11): that tier in that
 * region only, from the account's binding ({@link ConsoleUser#admdvs()}): by month, cases and amounts; the largest
 * cases, persons masked as the role says; each case's slip. Another region's settlement is "not found".
 */
@Controller
public class InsurerPagesController {
    private final SeriousIllnessTier tier;
    private final SettlementSlip slips;
    private final RegistryService registry;

    public InsurerPagesController(SeriousIllnessTier tier, SettlementSlip slips, RegistryService registry) {
        this.tier = tier;
        this.slips = slips;
        this.registry = registry;
    }

    @GetMapping("/insurer")
    public String tier(@RequestParam(required = false) Integer year, @AuthenticationPrincipal ConsoleUser user, Model model) {
        String admdvs = user.admdvs();
        int shown = year != null && year >= 1900 && year <= 9998 ? year : tier.latestYear(admdvs);
        List<SeriousIllnessTier.Month> months = tier.months(admdvs, shown);
        model.addAttribute("region", registry.region(admdvs).orElse(null));
        model.addAttribute("admdvs", admdvs);
        model.addAttribute("year", shown);
        model.addAttribute("months", months);
        model.addAttribute("whole", SeriousIllnessTier.year(shown, months));
        model.addAttribute("cases", tier.largest(admdvs, shown));
        return "insurer/home";
    }

    @GetMapping("/insurer/settlements/{setlId}")
    public String slip(@PathVariable String setlId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        slips.slip(slips.find(setlId, s -> tier.inRegion(setlId, user.admdvs())), model);
        return "console/settlement";
    }
}
