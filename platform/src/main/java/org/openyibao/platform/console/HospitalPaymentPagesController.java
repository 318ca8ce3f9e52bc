package org.openyibao.platform.console;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.hospital.Budgets;
import org.openyibao.platform.hospital.ClearingDecisions;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.hospital.PaymentRuns;
import org.openyibao.platform.hospital.Prepayments;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The agency's hospital-payment pages (issue 13, docs/hospital-payment.md): budgets (set by hand), prepayments (post a
 * month), clearing applications (accept, reject), payment runs (create, detail, the file) and the year-end preview.
 * Agency staff change, the auditor reads (PageAccess HOSPITAL_CHANGES, HOSPITAL_PAGES); every change is in the operator
 * audit log. Refusals are shown as the console's problem page, naming the field (ConsoleErrors).
 */
@Controller
public class HospitalPaymentPagesController {
    private final RegistryService registry;
    private final ConsoleQueries queries;
    private final Budgets budgets;
    private final Prepayments prepayments;
    private final ClearingDecisions clearing;
    private final PaymentRuns runs;
    private final InstitutionYearEnds yearEnds;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;

    public HospitalPaymentPagesController(RegistryService registry, ConsoleQueries queries, Budgets budgets,
                                          Prepayments prepayments, ClearingDecisions clearing, PaymentRuns runs,
                                          InstitutionYearEnds yearEnds, AuditTrail audit, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.queries = queries;
        this.budgets = budgets;
        this.prepayments = prepayments;
        this.clearing = clearing;
        this.runs = runs;
        this.yearEnds = yearEnds;
        this.audit = audit;
    }

    @GetMapping("/console/hospital")
    public String home(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year) {
        Region r = region(admdvs);
        return "redirect:/console/hospital/budgets?admdvs=" + r.admdvs() + (year == null ? "" : "&year=" + year);
    }

    @GetMapping("/console/hospital/budgets")
    public String budgets(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year,
                          Model model) {
        int y = common(admdvs, year, "budgets", model);
        String a = ((Region) model.getAttribute("region")).admdvs();
        model.addAttribute("budgets", budgets.list(a, y));
        model.addAttribute("institutions", jdbc.queryForList("SELECT code, name FROM institution WHERE admdvs = ?"
                + " ORDER BY code", a));
        return "console/hospital/budgets";
    }

    @PostMapping("/console/hospital/budgets/compute")
    public String compute(@RequestParam String admdvs, @RequestParam Integer year, @AuthenticationPrincipal ConsoleUser who, HttpServletRequest request) {
        Budgets.Computed c = budgets.compute(admdvs, year, who.username());
        audit.record(request, "budgets_computed", admdvs + " " + year, c.made().size() + " made");
        return "redirect:/console/hospital/budgets?admdvs=" + admdvs + "&year=" + year + "&changed=computed";
    }

    @PostMapping("/console/hospital/budgets/set")
    public String setByHand(@RequestParam String admdvs, @RequestParam Integer year, @RequestParam Map<String, String> form,
                            @AuthenticationPrincipal ConsoleUser who, HttpServletRequest request) {
        String code = form.getOrDefault("institution_code", "").strip();
        Budgets.Budget b = budgets.setByHand(admdvs, year, code, ConsoleForms.yuan("annual", form.get("annual")),
                form.get("reason"), who.username());
        audit.record(request, "budget_set_by_hand", admdvs + " " + year + " " + code, b.annual().toPlainString());
        return "redirect:/console/hospital/budgets?admdvs=" + admdvs + "&year=" + year + "&changed=set";
    }

    @GetMapping("/console/hospital/prepayments")
    public String prepayments(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year,
                              Model model) {
        int y = common(admdvs, year, "prepayments", model);
        model.addAttribute("rows", prepayments.year(((Region) model.getAttribute("region")).admdvs(), y));
        return "console/hospital/prepayments";
    }

    @PostMapping("/console/hospital/prepayments/post")
    public String prepay(@RequestParam String admdvs, @RequestParam Integer year, @RequestParam(required = false) Integer month,
                         HttpServletRequest request) {
        Prepayments.Result r = prepayments.post(admdvs, year, month);
        audit.record(request, "prepayments_posted", admdvs + " " + r.month(), r.posted() + " posted");
        return "redirect:/console/hospital/prepayments?admdvs=" + admdvs + "&year=" + year + "&changed=" + r.posted();
    }

    @GetMapping("/console/hospital/clearing")
    public String clearing(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) String status, @RequestParam(required = false) String institution,
                           @RequestParam(defaultValue = "0") int page, Model model) {
        common(admdvs, year, "clearing", model);
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("status", st == null ? "" : st);
        model.addAttribute("institution", institution == null ? "" : institution);
        model.addAttribute("statuses", ClearingDecisions.STATUSES);
        model.addAttribute("found", clearing.list(((Region) model.getAttribute("region")).admdvs(), st, institution,
                Math.max(0, page), 20));
        return "console/hospital/clearing";
    }

    @PostMapping("/console/hospital/clearing/outside-interface")
    public String fileOutsideInterface(@RequestParam String admdvs, @RequestParam(required = false) Integer year,
                                       HttpServletRequest request) {
        List<String> filed = clearing.fileOutsideInterface(admdvs, year);
        audit.record(request, "clearing_filed_outside_interface", admdvs + " " + year, filed.size() + " filed");
        return "redirect:/console/hospital/clearing?admdvs=" + admdvs + (year == null ? "" : "&year=" + year) + "&changed=filed";
    }

    @PostMapping("/console/hospital/clearing/{id}/accept")
    public String accept(@PathVariable String id, @RequestParam String admdvs, @AuthenticationPrincipal ConsoleUser who, HttpServletRequest request) {
        clearing.accept(admdvs, id, who.username());
        audit.record(request, "clearing_accepted", id, "accepted");
        return "redirect:/console/hospital/clearing?admdvs=" + admdvs + "&changed=accepted";
    }

    @PostMapping("/console/hospital/clearing/{id}/reject")
    public String reject(@PathVariable String id, @RequestParam String admdvs, @RequestParam(required = false) String reason,
                         @AuthenticationPrincipal ConsoleUser who, HttpServletRequest request) {
        clearing.reject(admdvs, id, reason, who.username());
        audit.record(request, "clearing_rejected", id, "rejected");
        return "redirect:/console/hospital/clearing?admdvs=" + admdvs + "&changed=rejected";
    }

    @GetMapping("/console/hospital/runs")
    public String runs(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year, Model model) {
        common(admdvs, year, "runs", model);
        model.addAttribute("runs", runs.list(((Region) model.getAttribute("region")).admdvs()));
        return "console/hospital/runs";
    }

    @PostMapping("/console/hospital/runs/create")
    public String createRun(@RequestParam String admdvs, @RequestParam Map<String, String> form, @AuthenticationPrincipal ConsoleUser who,
                            HttpServletRequest request) {
        PaymentRuns.Run r = runs.create(admdvs, ConsoleForms.blank(form.get("run_id")),
                ConsoleForms.blank(form.get("date")) == null ? null : ConsoleForms.date("date", form.get("date")), who.username());
        audit.record(request, "payment_run", r.runId(), r.created() ? "created" : "found");
        return "redirect:/console/hospital/runs/" + UriUtils.encodePathSegment(r.runId(), StandardCharsets.UTF_8) + "?admdvs="
                + admdvs;
    }

    @GetMapping("/console/hospital/runs/{runId}")
    public String run(@PathVariable String runId, @RequestParam(required = false) String admdvs, Model model) {
        common(admdvs, null, "runs", model);
        model.addAttribute("run", runs.find(((Region) model.getAttribute("region")).admdvs(), runId));
        return "console/hospital/run";
    }

    @GetMapping("/console/hospital/runs/{runId}/file")
    public ResponseEntity<String> file(@PathVariable String runId, @RequestParam(required = false) String admdvs) {
        String csv = runs.file(region(admdvs).admdvs(), runId);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"payment-run-" + runId + ".csv\"").body(csv);
    }

    @GetMapping("/console/hospital/year-end")
    public String yearEnd(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year,
                          @RequestParam(defaultValue = "") String failed, Model model) {
        int y = common(admdvs, year, "year-end", model);
        String a = ((Region) model.getAttribute("region")).admdvs();
        Set<String> codes = new TreeSet<>(Arrays.stream(failed.split("[,\\s]+")).filter(s -> !s.isBlank()).toList());
        model.addAttribute("failed", String.join(", ", codes));
        model.addAttribute("unfinished", yearEnds.unfinished(a, y));
        model.addAttribute("rows", yearEnds.preview(a, y, codes));
        return "console/hospital/year-end";
    }

    /** The region (the one asked for, else the first), the year (else the region's latest with entries), the tab. */
    private int common(String admdvs, Integer year, String tab, Model model) {
        Region r = region(admdvs);
        int y = year != null ? year : queries.latestLedgerYear(r.admdvs());
        model.addAttribute("regions", registry.regions());
        model.addAttribute("region", r);
        model.addAttribute("year", y);
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", TABS);
        return y;
    }

    static final List<String> TABS = List.of("budgets", "prepayments", "clearing", "runs", "year-end");

    private Region region(String admdvs) {
        List<Region> all = registry.regions();
        if (all.isEmpty()) throw org.openyibao.platform.web.ApiException.notFound("admdvs", "admdvs: no region yet");
        if (admdvs == null || admdvs.isBlank()) return all.get(0);
        return all.stream().filter(r -> r.admdvs().equals(admdvs)).findFirst().orElseThrow(() ->
                org.openyibao.platform.web.ApiException.notFound("admdvs", "admdvs: no region " + admdvs));
    }
}
