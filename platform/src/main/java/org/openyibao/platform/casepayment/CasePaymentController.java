package org.openyibao.platform.casepayment;

import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.hospital.HospitalRegions;

/**
 * Case-based payment (issue 14, docs/hospital-payment.md#case-based-payment-on-the-platform): the region's discharged
 * cases with their groups and payments explained, hospital indicators, the special-case review queue. Agency staff
 * and the auditor read, agency staff decide reviews (SecurityConfig.Access READ and WRITE); a hospital reads its own
 * cases in the console (/institution/case-payment).
 */
@RestController
@RequestMapping("/api/case-payment/{admdvs}")
@Tag(name = "Case-based payment", description = "DRG/DIP cases, their groups and payments, indicators, special-case review")
public class CasePaymentController {
    private final CaseQueries queries;
    private final CaseIndicators indicators;
    private final CaseReviews reviews;
    private final CaseYearEnds yearEnds;
    private final DipBudgets dipBudgets;

    public CasePaymentController(CaseQueries queries, CaseIndicators indicators, CaseReviews reviews, CaseYearEnds yearEnds,
                                 DipBudgets dipBudgets) {
        this.queries = queries;
        this.indicators = indicators;
        this.reviews = reviews;
        this.yearEnds = yearEnds;
        this.dipBudgets = dipBudgets;
    }

    /** The DIP budgets of a year in yuan by scheme; a scheme left out keeps what was stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BudgetRequest(java.math.BigDecimal employee, java.math.BigDecimal resident) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DecisionRequest(String decision, Long reviewed, String reason) {}

    @GetMapping("/cases")
    @Operation(summary = "Discharged cases with their group and payment; filters institution, group, month (YYYY-MM), review; page, size")
    public CaseQueries.Page cases(@PathVariable String admdvs, @RequestParam(required = false) String institution,
                                  @RequestParam(required = false) String group, @RequestParam(required = false) String month,
                                  @RequestParam(required = false) String review, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return queries.list(admdvs, new CaseQueries.Filter(institution, group, month, review), page, size);
    }

    @GetMapping("/cases/{mdtrtId}")
    @Operation(summary = "One case explained: its grouping steps, its payment steps and its events")
    public CaseQueries.Explained caseDetail(@PathVariable String admdvs, @PathVariable String mdtrtId) {
        return queries.find(admdvs, mdtrtId, null);
    }

    @GetMapping("/indicators")
    @Operation(summary = "Hospital indicators of a year and its months: CMI, cost and time efficiency, outlier share (millionths)")
    public List<CaseIndicators.Indicators> indicators(@PathVariable String admdvs, @RequestParam(required = false) Integer year,
                                                      @RequestParam(required = false) String institution) {
        return indicators.year(admdvs, HospitalRegions.year(year), institution);
    }

    @GetMapping("/reviews")
    @Operation(summary = "The special-case review queue (特例单议): cases waiting for the agency's decision")
    public List<CaseQueries.Case> reviews(@PathVariable String admdvs) {
        return reviews.pending(admdvs);
    }

    @PostMapping("/reviews/{mdtrtId}")
    @Operation(summary = "Decide a special case {decision: approve|reject, reviewed (fen for DRG, points in millionths for DIP), reason}")
    public CaseQueries.Explained decide(@PathVariable String admdvs, @PathVariable String mdtrtId,
                                        @RequestBody(required = false) DecisionRequest body, Principal who) {
        DecisionRequest d = body == null ? new DecisionRequest(null, null, null) : body;
        return reviews.decide(admdvs, mdtrtId, new CaseReviews.Decision(d.decision(), d.reviewed(), d.reason()), who.getName());
    }

    @GetMapping("/budgets/{year}")
    @Operation(summary = "The year's DIP budgets stored by the agency, in yuan by scheme (employee, resident)")
    public DipBudgets.Stored budgets(@PathVariable String admdvs, @PathVariable int year) {
        return dipBudgets.read(admdvs, year);
    }

    @PutMapping("/budgets/{year}")
    @Operation(summary = "Store the year's DIP budgets {employee, resident} in yuan (agency staff); the year-end's point value"
            + " and close-year use them")
    public DipBudgets.Stored setBudgets(@PathVariable String admdvs, @PathVariable int year,
                                        @RequestBody(required = false) BudgetRequest body, Principal who) {
        BudgetRequest b = body == null ? new BudgetRequest(null, null) : body;
        return dipBudgets.set(admdvs, year, CaseYearEnds.budgets(CaseYearEnds.budgetFen("employee", b.employee()),
                CaseYearEnds.budgetFen("resident", b.resident())), who.getName());
    }

    @GetMapping("/year-end")
    @Operation(summary = "The DRG/DIP year-end per hospital as it would be (a preview, nothing posted)",
            description = "DRG: the cases' payments − the patients' share − what the runs advanced. DIP: the point value of"
                    + " the year's stored budget (PUT /budgets/{year}; dip_budget_employee, dip_budget_resident in yuan"
                    + " override it as a what-if) over all points; each hospital's"
                    + " points × the value − the patients' share − what was advanced.")
    public CaseYearEnds.Preview yearEnd(@PathVariable String admdvs, @RequestParam(required = false) Integer year,
                                        @RequestParam(name = "dip_budget_employee", required = false) java.math.BigDecimal employee,
                                        @RequestParam(name = "dip_budget_resident", required = false) java.math.BigDecimal resident) {
        int y = HospitalRegions.year(year);
        java.util.Map<org.openyibao.engine.policy.Scheme, Long> budgets = new java.util.EnumMap<>(org.openyibao.engine.policy.Scheme.class);
        budgets.putAll(dipBudgets.budgets(admdvs, y)); // the stored budgets; the typed-in ones are a what-if over them
        budgets.putAll(CaseYearEnds.budgets(CaseYearEnds.budgetFen("dip_budget_employee", employee),
                CaseYearEnds.budgetFen("dip_budget_resident", resident)));
        return yearEnds.preview(admdvs, y, budgets);
    }
}
