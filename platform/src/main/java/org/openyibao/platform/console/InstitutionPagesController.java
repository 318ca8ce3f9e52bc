package org.openyibao.platform.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * A designated institution's settlement clerk sees that institution only (issue 11): its settlements, visits,
 * cancellations, reconciliations and clearing applications, one tab each, and each settlement's slip. The institution
 * is always the one the account is bound to, never one named in the request; another institution's settlement is
 * "not found", as if it did not exist.
 */
@Controller
public class InstitutionPagesController {
    private final InstitutionRecords records;
    private final SettlementSlip slips;
    private final RegistryService registry;

    public InstitutionPagesController(InstitutionRecords records, SettlementSlip slips, RegistryService registry) {
        this.records = records;
        this.slips = slips;
        this.registry = registry;
    }

    @GetMapping("/institution")
    public String settlements(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        return tab(InstitutionTab.SETTLEMENTS.path(), page, user, model);
    }

    @GetMapping("/institution/{tab}")
    public String tab(@PathVariable String tab, @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user,
                      Model model) {
        InstitutionTab.named(tab).fill(records, user.fixmedinsCode(), page, model);
        model.addAttribute("institution", registry.institution(user.fixmedinsCode()).orElse(null));
        model.addAttribute("tabs", InstitutionTab.all());
        return "institution/records";
    }

    @GetMapping("/institution/settlements/{setlId}")
    public String slip(@PathVariable String setlId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        slips.slip(slips.find(setlId, s -> user.fixmedinsCode().equals(s.path("institution_code").asText())), model);
        return "console/settlement";
    }
}
