package org.openyibao.platform.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.settlement.SettlementService;

import static org.openyibao.platform.console.ConsoleForms.blank;
import static org.openyibao.platform.console.ConsoleForms.date;
import static org.openyibao.platform.console.ConsoleForms.refused;
import static org.openyibao.platform.console.ConsoleForms.typed;

/**
 * The agency clerk's operations as forms (issue 11): register a person, enrol them, cancel a settlement with a reason.
 * The services decide, as they do for the REST API; a refusal comes back beside the field it names, with what was
 * typed kept. Every change is in the operator audit log (a cancellation with its reason).
 */
@Controller
public class OperationsController {
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final RegistryService registry;
    private final SettlementService settlements;
    private final AuditTrail audit;

    public OperationsController(PersonService persons, EnrolmentService enrolments, RegistryService registry,
                                SettlementService settlements, AuditTrail audit) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.registry = registry;
        this.settlements = settlements;
        this.audit = audit;
    }

    @GetMapping("/console/persons/new")
    public String registerForm(Model model) {
        model.addAttribute("regions", registry.regions());
        model.addAttribute("form", Map.of());
        return "console/register";
    }

    @PostMapping("/console/persons/new")
    public String register(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        try {
            Person p = persons.register(new Person.New(blank(form.get("psn_no")), form.get("cert_no"), form.get("name"), null, null,
                    blank(form.get("household_ref")), form.get("admdvs")));
            audit.record(request, "person_registered", p.psnNo(), "ok");
            return "redirect:/console/persons/" + p.psnNo() + "?registered";
        } catch (DomainException e) {
            model.addAttribute("regions", registry.regions());
            return refused(e, typed(form, "cert_no", "name", "psn_no", "household_ref", "admdvs"), "console/register", model);
        }
    }

    @PostMapping("/console/persons/{psnNo}/enrol")
    public String enrol(@PathVariable String psnNo, @RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
        try {
            Enrolment e = enrolments.enrol(new Enrolment.New(psnNo, form.get("scheme"), form.get("admdvs"), blank(form.get("payment_mode")),
                    blank(form.get("employer_code")), blank(form.get("employment")), null, date("valid_from", form.get("valid_from")),
                    null, null));
            audit.record(request, "person_enrolled", psnNo, "enrolment " + e.id());
            return "redirect:/console/persons/" + psnNo + "?enrolled";
        } catch (DomainException e) {
            model.addAttribute("psnNo", psnNo);
            model.addAttribute("regions", registry.regions());
            return refused(e, typed(form, "scheme", "admdvs", "valid_from", "payment_mode", "employer_code", "employment"),
                    "console/enrol", model);
        }
    }

    @GetMapping("/console/persons/{psnNo}/enrol")
    public String enrolForm(@PathVariable String psnNo, Model model) {
        persons.existing("psn_no", psnNo);
        model.addAttribute("psnNo", psnNo);
        model.addAttribute("regions", registry.regions());
        model.addAttribute("form", Map.of());
        return "console/enrol";
    }

    @PostMapping("/console/settlements/{setlId}/cancel")
    public String cancel(@PathVariable String setlId, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
                         Model model) {
        if (reason.isBlank() || reason.length() > 200) {
            model.addAttribute("problem", "reason: say why the settlement is cancelled (at most 200 characters)");
            return "console/problem";
        }
        settlements.cancel(setlId);
        audit.record(request, "settlement_cancelled", setlId, Echo.cut(reason.strip(), 38));
        return "redirect:/console/settlements/" + setlId + "?cancelled";
    }
}
