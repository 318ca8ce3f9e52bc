package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.yearend.CloseYear;
import org.openyibao.platform.yearend.CloseYearReport;
import org.openyibao.platform.yearend.ClosedYear;
import org.openyibao.platform.yearend.YearEndInputs;
import org.openyibao.platform.yearend.YearNotFinished;

/**
 * The agency's year-end (issue 13; docs/year-end.md): for a region and year, what is left before it can be closed and
 * the year as it would close (the insurer's figures, the contract's arithmetic, the entries to post, the regulator's
 * figures), the close itself for agency staff (the auditor reads), and a closed year's report as HTML and CSV — the
 * same service as {@code yibao close-year}.
 */
@Controller
public class YearEndPagesController {
    private final CloseYear close;
    private final RegistryService registry;
    private final AuditTrail audit;
    private final Clock clock;

    public YearEndPagesController(CloseYear close, RegistryService registry, AuditTrail audit, Clock clock) {
        this.close = close;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/year-end")
    public String page(@RequestParam(required = false) String admdvs, @RequestParam(required = false) Integer year, Model model) {
        List<Region> regions = registry.regions();
        model.addAttribute("regions", regions);
        if (regions.isEmpty()) return "console/year-end";
        Region region = regions.stream().filter(r -> r.admdvs().equals(admdvs)).findFirst().orElse(regions.get(0));
        int shown = year != null ? year : LocalDate.now(clock).getYear() - 1;
        show(region, shown, YearEndInputs.none(), model);
        return "console/year-end";
    }

    @PostMapping("/console/year-end/close")
    public String closeYear(@RequestParam String admdvs, @RequestParam int year, @RequestParam Map<String, String> form,
                            HttpServletRequest request, Model model) {
        Region region = registry.regions().stream().filter(r -> r.admdvs().equals(admdvs)).findFirst().orElse(null);
        if (region == null) throw org.openyibao.platform.web.ApiException.notFound("admdvs", "admdvs: no region " + Echo.cut(admdvs));
        YearEndInputs inputs;
        try {
            inputs = YearEndInputs.parse(form.get("insurer_admin_cost"),
                    form.get("policy_change_loss"), form.get("insurer_evaluation"), codes(form.get("failed_evaluation")));
            ClosedYear y = close.close(region.admdvs(), year, inputs);
            audit.record(request, "year_closed", region.admdvs() + ":" + year, y.alreadyClosed() ? "already closed" : "closed");
            return "redirect:/console/year-end?admdvs=" + region.admdvs() + "&year=" + year + "&closed";
        } catch (YearNotFinished e) {
            audit.record(request, "year_closed", region.admdvs() + ":" + year, "refused: not finished");
            show(region, year, YearEndInputs.none(), model);
            model.addAttribute("errors", Map.of("year", Echo.cut(e.getMessage().lines().findFirst().orElse(""), 300)));
        } catch (DomainException e) {
            audit.record(request, "year_closed", region.admdvs() + ":" + year, "refused: " + e.field());
            show(region, year, YearEndInputs.none(), model);
            model.addAttribute("errors", Map.of(e.field() == null ? "year" : e.field(), Echo.cut(e.getMessage(), 300)));
        }
        model.addAttribute("regions", registry.regions());
        model.addAttribute("form", form);
        return "console/year-end";
    }

    @GetMapping(value = "/console/year-end/{admdvs}/{year}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    public String reportHtml(@PathVariable String admdvs, @PathVariable String year) {
        return CloseYearReport.html(closed(admdvs, year));
    }

    @GetMapping("/console/year-end/{admdvs}/{year}/report.csv")
    public ResponseEntity<String> reportCsv(@PathVariable String admdvs, @PathVariable String year) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"close-year-" + admdvs + "-" + year + ".csv\"")
                .body(CloseYearReport.csv(closed(admdvs, year)));
    }

    /** A closed year's report; a year that is not a year, or not closed, is not found. */
    private ClosedYear closed(String admdvs, String year) {
        java.util.function.Supplier<DomainException> none = () -> org.openyibao.platform.web.ApiException.notFound("year",
                "year: " + Echo.cut(year) + " of region " + Echo.cut(admdvs) + " is not closed");
        if (year == null || !year.matches("\\d{4}")) throw none.get();
        return close.closed(admdvs, Integer.parseInt(year)).orElseThrow(none);
    }

    /** The year closed, or its preview with what is left; a year not over shows only that. */
    private void show(Region region, int year, YearEndInputs inputs, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("year", year);
        model.addAttribute("over", year < LocalDate.now(clock).getYear());
        Optional<ClosedYear> closed = close.closed(region.admdvs(), year);
        Map<String, List<String>> left = closed.isPresent() || year >= LocalDate.now(clock).getYear() ? Map.of()
                : close.unfinished(region.admdvs(), year);
        ClosedYear y = closed.orElseGet(() -> year < LocalDate.now(clock).getYear() ? close.preview(region.admdvs(), year, inputs) : null);
        model.addAttribute("closed", closed.orElse(null));
        model.addAttribute("unfinished", left);
        model.addAttribute("sections", y == null ? Map.of() : sections(CloseYearReport.lines(y)));
    }

    private static Map<String, List<CloseYearReport.Line>> sections(List<CloseYearReport.Line> lines) {
        Map<String, List<CloseYearReport.Line>> out = new LinkedHashMap<>();
        for (CloseYearReport.Line l : lines) out.computeIfAbsent(l.section(), k -> new java.util.ArrayList<>()).add(l);
        return out;
    }

    private static List<String> codes(String list) {
        if (list == null || list.isBlank()) return List.of();
        return List.of(list.split("[,\\s]+"));
    }
}
