package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.policy.CaseAudit;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.platform.PlatformError;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.insurer.CaseFilter;
import org.openyibao.platform.insurer.InsurerBooks;
import org.openyibao.platform.insurer.InsurerStations;
import org.openyibao.platform.insurer.SeriousIllnessCases;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.web.ApiException;

/**
 * The insurer's audit pages (issue 13, docs/insurer.md#pages), its region only (the account's binding): the case
 * queue with filters and pages, a case with its settlement's trace and the decision form, the bedside checks of the
 * staff stationed at hospitals, the contract in force with its sources, the monthly statements and the year-end if
 * the year ended today. Personal data is masked: the insurer does not see names and ID numbers.
 */
@Controller
public class InsurerAuditPagesController {
    private final SeriousIllnessCases cases;
    private final InsurerStations stations;
    private final InsurerBooks books;
    private final SettlementSlip slips;
    private final AuditTrail audit;
    private final Clock clock;
    private final SeriousIllnessTier tier;

    public InsurerAuditPagesController(SeriousIllnessCases cases, InsurerStations stations, InsurerBooks books,
                                       SettlementSlip slips, AuditTrail audit, Clock clock, SeriousIllnessTier tier,
                                       org.openyibao.platform.yearend.CloseYear closeYear) {
        this.closeYear = closeYear;
        this.tier = tier;
        this.cases = cases;
        this.stations = stations;
        this.books = books;
        this.slips = slips;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/insurer/cases")
    public String queue(@AuthenticationPrincipal ConsoleUser user, @RequestParam Map<String, String> q, Model model) {
        Map<String, String> typed = ConsoleForms.typed(q, "status", "month", "institution", "amount_from", "amount_to");
        model.addAttribute("form", typed);
        model.addAttribute("statuses", CaseFilter.STATUSES);
        try {
            CaseFilter f = CaseFilter.of(q.getOrDefault("status", "open"), q.get("month"), q.get("institution"),
                    q.get("amount_from"), q.get("amount_to"), ConsoleForms.number("page", q.get("page"), 100_000), null);
            typed.put("status", f.status() == null ? "" : f.status());
            model.addAttribute("page", cases.list(user.admdvs(), f));
        } catch (DomainException e) {
            model.addAttribute("page", null);
            return ConsoleForms.refused(e, typed, "insurer/cases", model);
        }
        return "insurer/cases";
    }

    @GetMapping("/insurer/cases/{id}")
    public String detail(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, Model model) {
        caseModel(user, ConsoleForms.id("case_id", id), model);
        return "insurer/case";
    }

    @PostMapping("/insurer/cases/{id}/decision")
    public String decide(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id, @RequestParam Map<String, String> form,
                         HttpServletRequest request, Model model) {
        long caseId = ConsoleForms.id("case_id", id);
        String outcome = "refused";
        try {
            var d = cases.decide(user.admdvs(), caseId, new SeriousIllnessCases.DecisionRequest(form.get("decision"),
                    form.get("new_amount"), form.get("reason_code"), form.get("note")), user.username());
            outcome = d.decision();
            return "redirect:/insurer/cases/" + caseId + "?decided";
        } catch (ApiException e) {
            // another region's case, or one decided meanwhile: the problem page (404, 409), not the form again
            if (e.code() == PlatformError.NOT_FOUND || e.code() == PlatformError.CONFLICT) throw e;
            caseModel(user, caseId, model);
            return ConsoleForms.refused(e, ConsoleForms.typed(form, "decision", "new_amount", "reason_code", "note"),
                    "insurer/case", model);
        } finally {
            audit.record(request, "si_case_decision", "case " + caseId, outcome);
        }
    }

    private void caseModel(ConsoleUser user, long id, Model model) {
        SeriousIllnessCases.Case c = cases.find(user.admdvs(), id);
        model.addAttribute("c", c);
        model.addAttribute("decision", cases.decision(id).orElse(null));
        model.addAttribute("reasons", cases.reasons(user.admdvs(), c.visitDate()));
        model.addAttribute("lang", org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        slips.slip(slips.find(c.setlId(), s -> true), model);
    }

    @GetMapping("/insurer/bedside")
    public String bedside(@AuthenticationPrincipal ConsoleUser user, Model model) {
        bedsideModel(user, model);
        return "insurer/bedside";
    }

    @PostMapping("/insurer/bedside/check")
    public String check(@AuthenticationPrincipal ConsoleUser user, @RequestParam Map<String, String> form,
                        HttpServletRequest request, Model model) {
        String outcome = "refused";
        try {
            stations.record(user.username(), form.get("mdtrt_id"), form.get("outcome"), form.get("note"));
            outcome = form.get("outcome");
            return "redirect:/insurer/bedside?recorded";
        } catch (ApiException e) {
            bedsideModel(user, model);
            return ConsoleForms.refused(e, ConsoleForms.typed(form, "mdtrt_id", "outcome", "note"), "insurer/bedside", model);
        } finally {
            audit.record(request, "bedside_check", "visit " + ConsoleForms.typed(form, "mdtrt_id").get("mdtrt_id"), outcome);
        }
    }

    private void bedsideModel(ConsoleUser user, Model model) {
        model.addAttribute("stations", stations.stations(user.username()));
        model.addAttribute("inpatients", stations.inpatients(user.username()));
        model.addAttribute("checks", stations.recent(user.username(), 20));
        model.addAttribute("outcomes", InsurerStations.OUTCOMES);
        model.addAttribute("noteMax", InsurerStations.NOTE_MAX);
    }

    /** A contract value as the page shows it. */
    public record Term(String path, String value, LocalDate since, String source) {}

    @GetMapping("/insurer/contract")
    public String contract(@AuthenticationPrincipal ConsoleUser user, Model model) {
        LocalDate today = LocalDate.now(clock);
        var pack = books.packOf(user.admdvs());
        InsurerContract c = InsurerContract.of(pack, today);
        CaseAudit a = CaseAudit.of(pack, today);
        List<Term> terms = new ArrayList<>();
        if (c != null) {
            for (Cited x : List.of(c.premiumShare().cited(), c.instalmentsCited(), c.reserveWithheld().cited(),
                    c.reserveRefundedCited(), c.administrationCostCited(), c.profitRate().cited(), c.lossRate().cited(),
                    c.profitAboveReturned().cited(), c.lossBeyondCompensated().cited(), c.policyChangeLossCompensated().cited())) {
                terms.add(new Term(x.path(), x.value(), x.since(), x.source()));
            }
        }
        if (a != null) {
            terms.add(new Term(a.samplingCited().path(), a.samplingCited().value(), a.samplingCited().since(), a.samplingCited().source()));
            terms.add(new Term(a.reasonsCited().path(), a.reasonsCited().value(), a.reasonsCited().since(), a.reasonsCited().source()));
        }
        model.addAttribute("today", today);
        model.addAttribute("terms", terms);
        model.addAttribute("reasons", a == null ? List.of() : a.reasons());
        model.addAttribute("lang", org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return "insurer/contract";
    }

    @GetMapping("/insurer/statements")
    public String statements(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = year(user, year);
        model.addAttribute("year", y);
        model.addAttribute("statement", books.statement(user.admdvs(), y));
        return "insurer/statements";
    }

    private final org.openyibao.platform.yearend.CloseYear closeYear;

    /** The year-end so far; for a year the agency has closed, the settled year-end too (close-year's figures). */
    @GetMapping("/insurer/year-end")
    public String yearEnd(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) Integer year, Model model) {
        int y = year(user, year);
        model.addAttribute("year", y);
        model.addAttribute("sofar", books.ifTheYearEndedToday(user.admdvs(), y));
        model.addAttribute("closed", closeYear.closed(user.admdvs(), y).orElse(null));
        return "insurer/year-end";
    }

    /** The year asked for, else the latest year the region's serious-illness fund paid in (as the insurer's home page). */
    private int year(ConsoleUser user, Integer year) {
        return year != null && year >= 1900 && year <= 9998 ? year : tier.latestYear(user.admdvs());
    }
}
