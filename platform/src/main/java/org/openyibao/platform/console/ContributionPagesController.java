package org.openyibao.platform.console;

import static org.openyibao.platform.console.ConsoleForms.date;
import static org.openyibao.platform.console.ConsoleForms.id;
import static org.openyibao.platform.console.ConsoleForms.number;
import static org.openyibao.platform.console.ConsoleForms.refused;
import static org.openyibao.platform.console.ConsoleForms.typed;
import static org.openyibao.platform.console.ConsoleForms.yuan;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.engine.error.DomainException;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.contribution.PersonContributions;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.web.ApiException;

/**
 * A contribution payment recorded by the agency as a form (issue 11): an employee's month, a resident's year, or one of
 * the person's arrears paid in full. {@link PersonContributions} finds the enrolment and {@code ContributionService}
 * decides (rates, base, repeats, restoration after arrears), as for the REST API. Every payment is in the audit log.
 */
@Controller
public class ContributionPagesController {
    /** The forms, each a kind of payment: its fields, in the order the page shows them. */
    private static final Map<String, List<String>> KINDS = Map.of(
            "employee", List.of("period", "wage", "paid_on"),
            "resident", List.of("year", "paid_on"),
            "arrears", List.of("contribution_id", "paid_on"));

    private final PersonContributions contributions;
    private final AuditTrail audit;

    public ContributionPagesController(PersonContributions contributions, AuditTrail audit) {
        this.contributions = contributions;
        this.audit = audit;
    }

    @GetMapping("/console/persons/{psnNo}/pay/{kind}")
    public String form(@PathVariable String psnNo, @PathVariable String kind, Model model) {
        return page(psnNo, kind, model);
    }

    @PostMapping("/console/persons/{psnNo}/pay/{kind}")
    public String pay(@PathVariable String psnNo, @PathVariable String kind, @RequestParam Map<String, String> form,
                      HttpServletRequest request, Model model) {
        page(psnNo, kind, model);
        try {
            ContributionView c = switch (kind) {
                case "employee" -> contributions.payEmployee(psnNo, new PersonContributions.EmployeeMonth(
                        form.getOrDefault("period", "").strip(), yuan("wage", form.get("wage")), date("paid_on", form.get("paid_on"))));
                case "resident" -> contributions.payResident(psnNo, new PersonContributions.ResidentYear(
                        number("year", form.get("year"), 9998), date("paid_on", form.get("paid_on"))));
                default -> contributions.payArrears(psnNo, id("contribution_id", form.get("contribution_id")),
                        new PersonContributions.ArrearsPaid(date("paid_on", form.get("paid_on"))));
            };
            audit.record(request, "arrears".equals(kind) ? "arrears_paid" : "contribution_paid", psnNo,
                    c.kind() + " " + c.period() + ", contribution " + c.id());
            return "redirect:/console/persons/" + psnNo + "?changed=" + ("arrears".equals(kind) ? "arrears" : "paid")
                    + "#contributions";
        } catch (DomainException e) {
            return refused(e, typed(form, KINDS.get(kind).toArray(String[]::new)), "console/payment", model);
        }
    }

    private String page(String psnNo, String kind, Model model) {
        if (!KINDS.containsKey(kind)) throw ApiException.notFound("kind", "kind: no such payment (employee, resident or arrears)");
        Person p = contributions.person(psnNo);
        model.addAttribute("psnNo", p.psnNo());
        model.addAttribute("kind", kind);
        model.addAttribute("arrears", contributions.arrears(p.psnNo()));
        model.addAttribute("form", Map.of());
        return "console/payment";
    }
}
