package org.openyibao.platform.console;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.settlement.SettlementStore;

/**
 * A designated institution's settlement clerk sees that institution only (issue 11): its settlements, newest first,
 * settled and cancelled, and each one's slip. Another institution's settlement is "not found", as if it did not exist.
 */
@Controller
public class InstitutionPagesController {
    static final int PAGE = 20;
    private final SettlementStore store;
    private final SettlementSlip slips;
    private final RegistryService registry;

    public InstitutionPagesController(JdbcTemplate jdbc, SettlementSlip slips, RegistryService registry) {
        this.store = new SettlementStore(jdbc);
        this.slips = slips;
        this.registry = registry;
    }

    @GetMapping("/institution")
    public String settlements(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        int p = Math.max(0, page);
        List<SettlementStore.Listed> listed = store.forInstitution(user.fixmedinsCode(), p, PAGE);
        model.addAttribute("institution", registry.institution(user.fixmedinsCode()).orElse(null));
        model.addAttribute("settlements", listed.size() > PAGE ? listed.subList(0, PAGE) : listed);
        model.addAttribute("page", p);
        model.addAttribute("more", listed.size() > PAGE);
        return "institution/settlements";
    }

    @GetMapping("/institution/settlements/{setlId}")
    public String slip(@PathVariable String setlId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        slips.slip(slips.find(setlId, s -> user.fixmedinsCode().equals(s.path("institution_code").asText())), model);
        return "console/settlement";
    }
}
