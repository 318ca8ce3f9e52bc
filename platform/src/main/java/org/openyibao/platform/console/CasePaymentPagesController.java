package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.casepayment.CaseIndicators;
import org.openyibao.platform.casepayment.CaseQueries;
import org.openyibao.platform.casepayment.CaseReviews;
import org.openyibao.platform.casepayment.CaseYearEnds;
import org.openyibao.platform.casepayment.DipBudgets;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.web.ApiException;

/**
 * Case-based payment in the console (issue 14, docs/console.md#case-based-payment): the agency's cases by group with
 * their explanation, the special-case review queue and the hospital indicators (/console/case-payment; agency staff
 * decide, the auditor reads: PageAccess CASE_PAYMENT_CHANGES, CASE_PAYMENT_PAGES), and a hospital's own cases
 * (/institution/case-payment, the clerk's institution only: another's case reads as not found).
 */
@Controller
public class CasePaymentPagesController {
    private final RegistryService registry;
    private final ConsoleQueries consoleQueries;
    private final CaseQueries cases;
    private final CaseReviews reviews;
    private final CaseIndicators indicators;
    private final CaseYearEnds yearEnds;
    private final DipBudgets dipBudgets;
    private final AuditTrail audit;

    public CasePaymentPagesController(RegistryService registry, ConsoleQueries consoleQueries, CaseQueries cases,
                                      CaseReviews reviews, CaseIndicators indicators, CaseYearEnds yearEnds,
                                      DipBudgets dipBudgets, AuditTrail audit) {
        this.yearEnds = yearEnds;
        this.dipBudgets = dipBudgets;
        this.registry = registry;
        this.consoleQueries = consoleQueries;
        this.cases = cases;
        this.reviews = reviews;
        this.indicators = indicators;
        this.audit = audit;
    }

    @GetMapping("/console/case-payment")
    public String agency(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String institution, @RequestParam(required = false) String group,
                         @RequestParam(required = false) String month, @RequestParam(required = false) Integer page,
                         @RequestParam(name = "dip_budget_resident", required = false) String budgetResident,
                         @RequestParam(name = "dip_budget_employee", required = false) String budgetEmployee,
                         @RequestParam(name = "year_end", required = false) String showYearEnd, Model model) {
        Region r = region(admdvs);
        int y = year != null ? year : consoleQueries.latestLedgerYear(r.admdvs());
        model.addAttribute("regions", registry.regions());
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("institution", institution == null ? "" : institution);
        model.addAttribute("group", group == null ? "" : group);
        model.addAttribute("month", month == null ? "" : month);
        model.addAttribute("found", cases.list(r.admdvs(), new CaseQueries.Filter(institution, group, month, null), page, 20));
        model.addAttribute("queue", reviews.pending(r.admdvs()));
        model.addAttribute("indicators", indicators.year(r.admdvs(), y, null).stream().filter(i -> i.period().length() == 4).toList());
        // the fields start from the budgets the agency stored (PUT /api/case-payment/{admdvs}/budgets/{year})
        java.util.Map<String, java.math.BigDecimal> stored = dipBudgets.read(r.admdvs(), y).budgets();
        model.addAttribute("budgetResident", budgetResident != null ? budgetResident : shown(stored.get("resident")));
        model.addAttribute("budgetEmployee", budgetEmployee != null ? budgetEmployee : shown(stored.get("employee")));
        if (showYearEnd != null) {
            // the DRG/DIP year-end as it would be with the stored budgets, or the ones typed in over them as a what-if
            // (a preview: nothing is posted)
            java.util.Map<org.openyibao.engine.policy.Scheme, Long> budgets = new java.util.EnumMap<>(dipBudgets.budgets(r.admdvs(), y));
            budgets.putAll(CaseYearEnds.budgets(fen("dip_budget_employee", budgetEmployee), fen("dip_budget_resident", budgetResident)));
            model.addAttribute("yearEnd", yearEnds.preview(r.admdvs(), y, budgets));
        }
        return "console/case-payment";
    }

    private static String shown(java.math.BigDecimal yuan) {
        return yuan == null ? "" : yuan.toPlainString();
    }

    @GetMapping("/console/case-payment/cases/{mdtrtId}")
    public String agencyCase(@PathVariable String mdtrtId, @RequestParam(required = false) String admdvs, Model model) {
        Region r = region(admdvs);
        model.addAttribute("region", r);
        model.addAttribute("c", cases.find(r.admdvs(), mdtrtId, null));
        model.addAttribute("back", "/console/case-payment?admdvs=" + r.admdvs());
        return "console/case-payment-case";
    }

    @PostMapping("/console/case-payment/reviews/{mdtrtId}/decide")
    public String decide(@PathVariable String mdtrtId, @RequestParam String admdvs, @RequestParam String decision,
                         @RequestParam(required = false) String reviewed, @RequestParam(required = false) String reason,
                         @AuthenticationPrincipal ConsoleUser who, HttpServletRequest request) {
        CaseQueries.Explained before = cases.find(admdvs, mdtrtId, null);
        Long amount = "approve".equals(decision) ? amount(reviewed, before.details().method()) : null;
        reviews.decide(admdvs, mdtrtId, new CaseReviews.Decision(decision, amount, reason), who.username());
        audit.record(request, "special_case_" + ("approve".equals(decision) ? "approved" : "rejected"), mdtrtId,
                amount == null ? "rejected" : String.valueOf(amount));
        return "redirect:/console/case-payment/cases/" + UriUtils.encodePathSegment(mdtrtId, "UTF-8") + "?admdvs=" + admdvs
                + "&changed=" + decision;
    }

    private static Long fen(String field, String yuan) {
        BigDecimal y = ConsoleForms.yuan(field, yuan);
        return y == null ? null : org.openyibao.engine.money.Money.fen(y);
    }

    /** The reviewed amount typed in: yuan for a DRG case (to fen), points for a DIP case (to millionths). */
    static Long amount(String text, String method) {
        String t = text == null ? "" : text.strip().replace(",", "");
        boolean dip = "dip".equals(method);
        if (!t.matches(dip ? "\\d{1,9}(\\.\\d{1,6})?" : "\\d{1,12}(\\.\\d{1,2})?")) {
            throw ApiException.badRequest("reviewed", "reviewed: " + (dip ? "points, e.g. 150.5" : "an amount in yuan, e.g. 32000.00"));
        }
        return new BigDecimal(t).movePointRight(dip ? 6 : 2).longValueExact();
    }

    @GetMapping("/institution/case-payment")
    public String own(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String month,
                      @RequestParam(required = false) String group, @RequestParam(required = false) Integer page, Model model) {
        String admdvs = ownRegion(user);
        model.addAttribute("institution", registry.institution(user.fixmedinsCode()).orElse(null));
        model.addAttribute("month", month == null ? "" : month);
        model.addAttribute("group", group == null ? "" : group);
        model.addAttribute("found", cases.list(admdvs, new CaseQueries.Filter(user.fixmedinsCode(), group, month, null), page, 20));
        return "institution/case-payment";
    }

    @GetMapping("/institution/case-payment/{mdtrtId}")
    public String ownCase(@AuthenticationPrincipal ConsoleUser user, @PathVariable String mdtrtId, Model model) {
        // the clerk's institution only: another institution's case is not found
        model.addAttribute("c", cases.find(ownRegion(user), mdtrtId, user.fixmedinsCode()));
        model.addAttribute("back", "/institution/case-payment");
        return "console/case-payment-case";
    }

    private String ownRegion(ConsoleUser user) {
        if (user == null || user.fixmedinsCode() == null) throw ApiException.forbidden("a settlement clerk's account is bound to an institution");
        return registry.institution(user.fixmedinsCode()).map(i -> i.admdvs())
                .orElseThrow(() -> ApiException.notFound("institution", "institution: " + user.fixmedinsCode() + " is not registered"));
    }

    private Region region(String admdvs) {
        List<Region> all = registry.regions();
        if (all.isEmpty()) throw ApiException.notFound("admdvs", "admdvs: no region yet");
        if (admdvs == null || admdvs.isBlank()) return all.get(0);
        return all.stream().filter(r -> r.admdvs().equals(admdvs)).findFirst()
                .orElseThrow(() -> ApiException.notFound("admdvs", "admdvs: no region " + admdvs));
    }
}
