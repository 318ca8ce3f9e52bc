package org.openyibao.platform.console;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.registry.RegistryService;

/**
 * An institution's interface credentials on the agency's pages (agency staff only: paasid and client_id identify an
 * institution's account, as for {@code /api/fsi/credentials}). A credential issued here shows its secrets once, on the
 * page the browser is sent to right after (a flash attribute, gone from the session once shown; the page is not
 * cached), never again; disabling one refuses it at once.
 */
@Controller
public class InstitutionCredentialsController {
    private final InstitutionCredentialDesk desk;
    private final RegistryService registry;

    public InstitutionCredentialsController(InstitutionCredentialDesk desk, RegistryService registry) {
        this.desk = desk;
        this.registry = registry;
    }

    @GetMapping("/console/institutions/{code}/credentials")
    public String credentials(@PathVariable String code, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("institution", AgencyInstitutionsController.existing(registry, code));
        model.addAttribute("credentials", desk.list(code));
        model.addAttribute("tabs", InstitutionTab.all());
        model.addAttribute("tab", "credentials");
        return "console/institutions/institution";
    }

    @PostMapping("/console/institutions/{code}/credentials/new")
    public String issue(@PathVariable String code, @RequestParam(defaultValue = "") String paasid, HttpServletRequest request,
                        HttpServletResponse response, Model model, RedirectAttributes redirect) {
        AgencyInstitutionsController.existing(registry, code);
        try {
            redirect.addFlashAttribute("issued", desk.issue(code, paasid, request));
            return "redirect:/console/institutions/" + code + "/credentials";
        } catch (DomainException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(e.field() == null ? "" : e.field(), Echo.cut(e.getMessage(), 300));
            model.addAttribute("errors", errors);
            model.addAttribute("form", Map.of("paasid", paasid));
            return credentials(code, model, response);
        }
    }

    @PostMapping("/console/institutions/{code}/credentials/{id}/disable")
    public String disable(@PathVariable String code, @PathVariable long id, HttpServletRequest request) {
        desk.setEnabled(code, id, false, request);
        return "redirect:/console/institutions/" + code + "/credentials?disabled=" + id;
    }

    @PostMapping("/console/institutions/{code}/credentials/{id}/enable")
    public String enable(@PathVariable String code, @PathVariable long id, HttpServletRequest request) {
        desk.setEnabled(code, id, true, request);
        return "redirect:/console/institutions/" + code + "/credentials?enabled=" + id;
    }
}
