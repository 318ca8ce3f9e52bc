package org.openyibao.platform.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.contribution.PersonContributions;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.settlement.SettlementStore;
import org.openyibao.platform.web.ApiException;

/**
 * Finding a person (by psn_no, resident ID number or the start of a name; server-side pages with no cap) and their
 * page. The search is posted, never put in a URL: an ID number must not reach an access log. Auditors see ID numbers,
 * names and birth dates masked ({@link ConsoleFormat#visible}); every person shown unmasked is in the operator audit
 * log.
 */
@Controller
public class PersonPagesController {
    static final int PAGE = 20;
    /** What a form just did, said at the top of the person's page ({@code ?changed=}). */
    private static final java.util.Set<String> DONE = java.util.Set.of("category", "suspension", "restored", "paid", "arrears");
    private final PersonService persons;
    private final ConsoleFormat fmt;

    private final AuditTrail audit;

    private final EnrolmentService enrolments;
    private final ConsoleQueries queries;
    private final PersonContributions contributions;

    public PersonPagesController(PersonService persons, ConsoleFormat fmt, AuditTrail audit,
                                 EnrolmentService enrolments, ConsoleQueries queries, PersonContributions contributions) {
        this.contributions = contributions;
        this.audit = audit;
        this.enrolments = enrolments;
        this.queries = queries;
        this.persons = persons;
        this.fmt = fmt;
    }

    @GetMapping("/console/persons")
    public String searchPage() {
        return "console/persons";
    }

    /** The results: the list alone for htmx, the whole page otherwise. */
    @PostMapping("/console/persons")
    public String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                         @RequestHeader(value = "HX-Request", required = false) String htmx,
                         @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request, Model model) {
        if (q.length() > 100) throw ApiException.badRequest("q", "q: at most 100 characters");
        PersonService.Page found = persons.search(q, Math.max(0, page), PAGE);
        List<Person> shown = found.persons().stream().map(p -> fmt.visible(p, user)).toList();
        for (Person p : found.persons()) {
            if (user.seesPersonalDataOf(p.psnNo())) audit.record(request, "person_listed", p.psnNo(), "ok");
        }
        model.addAttribute("q", q);
        model.addAttribute("found", new PersonService.Page(shown, found.page(), found.more()));
        return htmx != null ? "console/persons :: results" : "console/persons";
    }

    @GetMapping("/console/persons/{psnNo}")
    public String person(@PathVariable String psnNo, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(required = false) String changed,
                         @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request, Model model) {
        Person p = persons.existing("psn_no", psnNo);
        if (user.seesPersonalDataOf(p.psnNo())) audit.record(request, "person_viewed", p.psnNo(), "ok");
        List<SettlementStore.Listed> listed = queries.settlements(p.id(), Math.max(0, page), PAGE);
        model.addAttribute("person", fmt.visible(p, user));
        model.addAttribute("settlements", listed.size() > PAGE ? listed.subList(0, PAGE) : listed);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("more", listed.size() > PAGE);
        model.addAttribute("enrolments", enrolments.history(p.psnNo()));
        model.addAttribute("categories", enrolments.categories(p.psnNo()));
        int year = queries.latestPersonYear(p.id());
        model.addAttribute("year", year);
        model.addAttribute("totals", queries.yearTotals(p.id(), year));
        List<ConsoleQueries.AccountMovement> moves = queries.accountMovements(p.id(), 0, PAGE);
        model.addAttribute("movements", moves.size() > PAGE ? moves.subList(0, PAGE) : moves);
        model.addAttribute("contributions", contributions.contributions(p.psnNo()));
        model.addAttribute("arrears", contributions.arrears(p.psnNo()));
        if (changed != null && DONE.contains(changed)) model.addAttribute("done", "persons.done." + changed);
        return "console/person";
    }
}
