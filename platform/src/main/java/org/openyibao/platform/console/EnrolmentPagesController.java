package org.openyibao.platform.console;

import static org.openyibao.platform.console.ConsoleForms.blank;
import static org.openyibao.platform.console.ConsoleForms.date;
import static org.openyibao.platform.console.ConsoleForms.id;
import static org.openyibao.platform.console.ConsoleForms.refused;
import static org.openyibao.platform.console.ConsoleForms.typed;

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
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.enrolment.PersonCategory;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.web.ApiException;

/**
 * The agency's changes to a person's enrolments as forms (issue 11): a category added or ended, an enrolment suspended
 * and restored. {@link EnrolmentService} decides, as for the REST API; a refusal comes back beside its field with what
 * was typed kept. An enrolment or category of another person is "not found". Every change is in the operator audit log.
 */
@Controller
public class EnrolmentPagesController {
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final AuditTrail audit;

    public EnrolmentPagesController(PersonService persons, EnrolmentService enrolments, AuditTrail audit) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    // ---- categories

    @GetMapping("/console/persons/{psnNo}/category")
    public String categoryForm(@PathVariable String psnNo, Model model) {
        return categoryPage(psnNo, model);
    }

    @PostMapping("/console/persons/{psnNo}/category")
    public String addCategory(@PathVariable String psnNo, @RequestParam Map<String, String> form, HttpServletRequest request,
                              Model model) {
        try {
            PersonCategory c = enrolments.addCategory(psnNo, blank(form.get("category")), date("valid_from", form.get("valid_from")),
                    date("valid_until", form.get("valid_until")));
            audit.record(request, "category_added", psnNo, c.category() + " from " + c.validFrom());
            return "redirect:/console/persons/" + psnNo + "?changed=category";
        } catch (DomainException e) {
            categoryPage(psnNo, model);
            return refused(e, typed(form, "category", "valid_from", "valid_until"), "console/category", model);
        }
    }

    @GetMapping("/console/persons/{psnNo}/category/{categoryId}/end")
    public String endCategoryForm(@PathVariable String psnNo, @PathVariable long categoryId, Model model) {
        model.addAttribute("category", category(psnNo, categoryId));
        return categoryPage(psnNo, model);
    }

    @PostMapping("/console/persons/{psnNo}/category/{categoryId}/end")
    public String endCategory(@PathVariable String psnNo, @PathVariable long categoryId, @RequestParam Map<String, String> form,
                              HttpServletRequest request, Model model) {
        PersonCategory c = category(psnNo, categoryId);
        try {
            PersonCategory ended = enrolments.endCategory(psnNo, c.id(), date("valid_until", form.get("valid_until")));
            audit.record(request, "category_ended", psnNo, ended.category() + " until " + ended.validUntil());
            return "redirect:/console/persons/" + psnNo + "?changed=category";
        } catch (DomainException e) {
            model.addAttribute("category", c);
            categoryPage(psnNo, model);
            return refused(e, typed(form, "valid_until"), "console/category", model);
        }
    }

    private String categoryPage(String psnNo, Model model) {
        Person p = persons.existing("psn_no", psnNo);
        model.addAttribute("psnNo", p.psnNo());
        model.addAttribute("kinds", PersonCategory.CATEGORIES);
        model.addAttribute("categories", enrolments.categories(p.psnNo()));
        model.addAttribute("form", Map.of());
        return "console/category";
    }

    private PersonCategory category(String psnNo, long categoryId) {
        return enrolments.categories(psnNo).stream().filter(c -> c.id() == categoryId).findFirst()
                .orElseThrow(() -> ApiException.notFound("category_id", "category_id: person " + psnNo + " has no category record "
                        + categoryId));
    }

    // ---- suspension and restoration

    @GetMapping("/console/persons/{psnNo}/suspension")
    public String suspensionForm(@PathVariable String psnNo, Model model) {
        return suspensionPage(psnNo, "suspend", model);
    }

    @GetMapping("/console/persons/{psnNo}/restore")
    public String restoreForm(@PathVariable String psnNo, Model model) {
        return suspensionPage(psnNo, "restore", model);
    }

    @PostMapping("/console/persons/{psnNo}/suspension")
    public String suspend(@PathVariable String psnNo, @RequestParam Map<String, String> form, HttpServletRequest request,
                          Model model) {
        try {
            Enrolment e = enrolment(psnNo, form.get("enrolment_id"));
            Enrolment.Suspension s = enrolments.suspend(e.id(), date("from_date", form.get("from_date")),
                    blank(form.get("reason")));
            audit.record(request, "enrolment_suspended", psnNo, "enrolment " + e.id() + " from " + s.fromDate());
            return "redirect:/console/persons/" + psnNo + "?changed=suspension";
        } catch (DomainException e) {
            suspensionPage(psnNo, "suspend", model);
            return refused(e, typed(form, "enrolment_id", "from_date", "reason"), "console/suspension", model);
        }
    }

    @PostMapping("/console/persons/{psnNo}/restore")
    public String restore(@PathVariable String psnNo, @RequestParam Map<String, String> form, HttpServletRequest request,
                          Model model) {
        try {
            Enrolment e = enrolment(psnNo, form.get("enrolment_id"));
            Enrolment.Suspension s = enrolments.restore(e.id(), date("paid_on", form.get("paid_on")));
            audit.record(request, "enrolment_restored", psnNo, "enrolment " + e.id() + " on " + s.untilDate());
            return "redirect:/console/persons/" + psnNo + "?changed=restored";
        } catch (DomainException e) {
            suspensionPage(psnNo, "restore", model);
            return refused(e, typed(form, "enrolment_id", "paid_on"), "console/suspension", model);
        }
    }

    /** The suspension form ({@code mode} suspend) or the restoration form (restore). */
    private String suspensionPage(String psnNo, String mode, Model model) {
        Person p = persons.existing("psn_no", psnNo);
        List<Enrolment> history = enrolments.history(p.psnNo());
        model.addAttribute("psnNo", p.psnNo());
        model.addAttribute("enrolments", history);
        model.addAttribute("suspended", history.stream()
                .filter(e -> e.suspensions().stream().anyMatch(s -> s.untilDate() == null)).toList());
        model.addAttribute("mode", mode);
        model.addAttribute("form", Map.of());
        return "console/suspension";
    }

    /** The person's enrolment chosen in the form; another person's is "not found". */
    private Enrolment enrolment(String psnNo, String chosen) {
        long enrolmentId = id("enrolment_id", chosen);
        return enrolments.history(psnNo).stream().filter(e -> e.id() == enrolmentId).findFirst()
                .orElseThrow(() -> ApiException.notFound("enrolment_id", "enrolment_id: person " + psnNo + " has no enrolment "
                        + enrolmentId));
    }
}
