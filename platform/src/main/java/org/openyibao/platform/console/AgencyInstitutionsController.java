package org.openyibao.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.web.ApiException;

/**
 * The agency's institution pages (issue 11; agency staff and the auditor read): the designated institutions, searched
 * by code, name, district or level, and each one's designation period and its settlements, visits, cancellations,
 * reconciliations and clearing applications, paged on the server. Its interface credentials: {@link
 * InstitutionCredentialsController}.
 */
@Controller
public class AgencyInstitutionsController {
    private final InstitutionRecords records;
    private final RegistryService registry;

    public AgencyInstitutionsController(InstitutionRecords records, RegistryService registry) {
        this.records = records;
        this.registry = registry;
    }

    @GetMapping("/console/institutions")
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        model.addAttribute("q", q);
        model.addAttribute("found", records.search(q, p));
        return "console/institutions/list";
    }

    @GetMapping("/console/institutions/{code}")
    public String institution(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        return tab(code, InstitutionTab.SETTLEMENTS.path(), page, model);
    }

    @GetMapping("/console/institutions/{code}/{tab}")
    public String tab(@PathVariable String code, @PathVariable String tab, @RequestParam(defaultValue = "0") int page, Model model) {
        InstitutionTab t = InstitutionTab.named(tab);
        model.addAttribute("institution", existing(registry, code));
        t.fill(records, code, page, model);
        model.addAttribute("tabs", InstitutionTab.all());
        return "console/institutions/institution";
    }

    /** The registry's institution {@code code}, or "not found". */
    static Institution existing(RegistryService registry, String code) {
        return registry.institution(code).orElseThrow(() -> ApiException.notFound("code", "no institution " + code));
    }
}
