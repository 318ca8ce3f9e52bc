package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paying hospitals (issue 13, docs/hospital-payment.md): budgets, monthly prepayments, clearing decisions, payment
 * runs and their files, the institutions' year-end. Agency staff change, the auditor reads (SecurityConfig.Access:
 * READ and WRITE); every change is in the operator audit log (AuditTrail).
 */
@RestController
@RequestMapping("/api/hospital/{admdvs}")
@Tag(name = "Hospital payment", description = "Budgets, monthly prepayments, clearing decisions, payment runs, year-end")
public class HospitalPaymentController {
    private final Budgets budgets;
    private final Prepayments prepayments;
    private final ClearingDecisions clearing;
    private final PaymentRuns runs;
    private final InstitutionYearEnds yearEnds;

    public HospitalPaymentController(Budgets budgets, Prepayments prepayments, ClearingDecisions clearing, PaymentRuns runs,
                                     InstitutionYearEnds yearEnds) {
        this.budgets = budgets;
        this.prepayments = prepayments;
        this.clearing = clearing;
        this.runs = runs;
        this.yearEnds = yearEnds;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BudgetRequest(BigDecimal annual, String reason) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RejectRequest(String reason) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunRequest(String runId, LocalDate date) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record YearEndRequest(List<String> failedEvaluation) {}

    @GetMapping("/budgets")
    @Operation(summary = "The institutions' budgets of a year, with their steps")
    public List<Budgets.Budget> budgets(@PathVariable String admdvs, @RequestParam(required = false) Integer year) {
        return budgets.list(admdvs, year);
    }

    @PostMapping("/budgets")
    @Operation(summary = "Make the year's budgets from last year's pooling-fund spending (institutions without one)")
    public Budgets.Computed compute(@PathVariable String admdvs, @RequestParam(required = false) Integer year, Principal who) {
        return budgets.compute(admdvs, year, who.getName());
    }

    @PutMapping("/budgets/{year}/{institutionCode}")
    @Operation(summary = "Set an institution's budget by hand {annual, reason}; refused once its prepayments began")
    public Budgets.Budget setByHand(@PathVariable String admdvs, @PathVariable Integer year, @PathVariable String institutionCode,
                                    @RequestBody(required = false) BudgetRequest body, Principal who) {
        BudgetRequest b = body == null ? new BudgetRequest(null, null) : body;
        return budgets.setByHand(admdvs, year, institutionCode, b.annual(), b.reason(), who.getName());
    }

    @GetMapping("/prepayments")
    @Operation(summary = "The year's prepayments, by month and institution")
    public List<Prepayments.Row> prepayments(@PathVariable String admdvs, @RequestParam(required = false) Integer year) {
        return prepayments.year(admdvs, year);
    }

    @PostMapping("/prepayments")
    @Operation(summary = "Post a month's prepayments (idempotent per institution and month)")
    public Prepayments.Result prepay(@PathVariable String admdvs, @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Integer month) {
        return prepayments.post(admdvs, year, month);
    }

    @GetMapping("/clearing")
    @Operation(summary = "Clearing applications (3203) with their status; filters status, institution; page, size")
    public ClearingDecisions.Page applications(@PathVariable String admdvs, @RequestParam(required = false) String status,
                                               @RequestParam(required = false) String institution,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return clearing.list(admdvs, status, institution, page, size);
    }

    @PostMapping("/clearing/outside-interface")
    @Operation(summary = "File clearing applications for the year's settlements made outside the national interface",
            description = "One application per institution (clr_type agency) covering its settled settlements of the year"
                    + " that no 3203 can cover (made through the REST API, an import, the demo) and no live application covers;"
                    + " accepted and paid like any other. A second call files nothing new. Answers the new applications' ids.")
    public List<String> fileOutsideInterface(@PathVariable String admdvs, @RequestParam(required = false) Integer year) {
        return clearing.fileOutsideInterface(admdvs, year);
    }

    @PostMapping("/clearing/{id}/accept")
    @Operation(summary = "Accept a clearing application: its settlements become payables cleared against the budget")
    public ClearingDecisions.Application accept(@PathVariable String admdvs, @PathVariable String id, Principal who) {
        return clearing.accept(admdvs, id, who.getName());
    }

    @PostMapping("/clearing/{id}/reject")
    @Operation(summary = "Reject a clearing application {reason}")
    public ClearingDecisions.Application reject(@PathVariable String admdvs, @PathVariable String id,
                                                @RequestBody(required = false) RejectRequest body, Principal who) {
        return clearing.reject(admdvs, id, body == null ? null : body.reason(), who.getName());
    }

    @GetMapping("/payment-runs")
    @Operation(summary = "The region's payment runs, newest first")
    public List<PaymentRuns.Run> runs(@PathVariable String admdvs) {
        return runs.list(admdvs);
    }

    @PostMapping("/payment-runs")
    @Operation(summary = "Create a payment run {run_id?, date?}: pays accepted applications not yet paid; idempotent by run_id")
    public PaymentRuns.Run run(@PathVariable String admdvs, @RequestBody(required = false) RunRequest body, Principal who) {
        RunRequest r = body == null ? new RunRequest(null, null) : body;
        return runs.create(admdvs, r.runId(), r.date(), who.getName());
    }

    @GetMapping("/payment-runs/{runId}")
    @Operation(summary = "A payment run and its lines")
    public PaymentRuns.Run runDetail(@PathVariable String admdvs, @PathVariable String runId) {
        return runs.find(admdvs, runId);
    }

    @GetMapping(value = "/payment-runs/{runId}/file", produces = "text/csv")
    @Operation(summary = "The run's payment file (CSV: run id, institution, fund, amount in yuan, reference; a total line)")
    public ResponseEntity<String> file(@PathVariable String admdvs, @PathVariable String runId) {
        String csv = runs.file(admdvs, runId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-run-" + runId + ".csv\"").body(csv);
    }

    @GetMapping("/year-end")
    @Operation(summary = "Year-end preview: what is unfinished, and per institution the year-end against its budget")
    public Map<String, Object> yearEnd(@PathVariable String admdvs, @RequestParam(required = false) Integer year,
                                       @RequestParam(name = "failed_evaluation", required = false) List<String> failed) {
        int y = HospitalRegions.year(year);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("admdvs", admdvs);
        out.put("year", y);
        out.put("unfinished", yearEnds.unfinished(admdvs, y));
        out.put("institutions", yearEnds.preview(admdvs, y, failed == null ? Set.of() : Set.copyOf(failed)));
        return out;
    }

    @PostMapping("/year-end")
    @Operation(summary = "Post the institutions' year-end {failed_evaluation: [codes]}; a repeat posts nothing")
    public InstitutionYearEnds.Posted postYearEnd(@PathVariable String admdvs, @RequestParam(required = false) Integer year,
                                                  @RequestBody(required = false) YearEndRequest body) {
        List<String> failed = body == null || body.failedEvaluation() == null ? List.of() : body.failedEvaluation();
        return yearEnds.post(admdvs, HospitalRegions.year(year), Set.copyOf(failed));
    }
}
