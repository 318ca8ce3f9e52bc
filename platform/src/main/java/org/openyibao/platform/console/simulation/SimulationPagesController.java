package org.openyibao.platform.console.simulation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.simulation.SimulationJob;
import org.openyibao.platform.simulation.SimulationJobs;

/**
 * The simulations' pages (issue 11): populations, overlays, jobs with their progress, a run's evaluation report and
 * the comparison of two runs. Agency staff start jobs; the auditor reads. The service decides everything; a refusal
 * comes back beside the field it names; each job started is in the operator audit log.
 */
@Controller
public class SimulationPagesController {
    static final int JOBS = 50;
    private final SimulationJobs jobs;
    private final AuditTrail audit;
    private final Clock clock;

    public SimulationPagesController(SimulationJobs jobs, AuditTrail audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/simulations")
    public String list(Model model) {
        model.addAttribute("form", suggestedComparison());
        return page(model);
    }

    /** The comparison form's first choice: the newest baseline run against the newest run with a reform. */
    private Map<String, String> suggestedComparison() {
        Map<String, String> form = new LinkedHashMap<>();
        for (SimulationJob r : jobs.runs(JOBS)) {
            String field = r.overlay() == null ? "baseline" : "reform";
            form.putIfAbsent(field, Long.toString(r.id()));
        }
        return form;
    }

    /** The jobs' table alone, which the list page reloads (htmx) while a job is queued or running. */
    @GetMapping("/console/simulations/jobs")
    public String jobsTable(Model model) {
        jobsModel(model);
        return "console/simulations/list :: jobs";
    }

    @GetMapping("/console/simulations/jobs/{id}")
    public String job(@PathVariable long id, Locale locale, Model model) {
        SimulationJob j = jobs.job(id);
        model.addAttribute("job", view(j));
        if (j.hasReport()) model.addAttribute("report", jobs.report(id, locale));
        return "console/simulations/job";
    }

    /** The job's state and progress, polled (htmx) until it is over; then the whole page again, with its report. */
    @GetMapping("/console/simulations/jobs/{id}/progress")
    public String progress(@PathVariable long id, HttpServletResponse response, Model model) {
        SimulationJob j = jobs.job(id);
        if (j.finished()) response.setHeader("HX-Refresh", "true");
        model.addAttribute("job", view(j));
        return "console/simulations/job :: progress";
    }

    @PostMapping("/console/simulations/generate")
    public String generate(@RequestParam Map<String, String> form, @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request,
                           Model model) {
        try {
            SimulationJob j = jobs.generate(form.get("region"), form.get("persons"), form.get("seed"), form.get("name"), user.username());
            return started(request, j, "generate " + j.population() + ", " + j.persons() + " persons, seed " + j.seed());
        } catch (DomainException e) {
            return refused(e, form, model, "region", "persons", "seed", "name");
        }
    }

    @PostMapping("/console/simulations/start")
    public String start(@RequestParam Map<String, String> form, @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request,
                        Model model) {
        try {
            SimulationJob j = jobs.simulate(form.get("population"), form.get("overlay"), user.username());
            return started(request, j, "simulate " + j.population() + " with " + (j.overlay() == null ? "no overlay" : j.overlay()));
        } catch (DomainException e) {
            return refused(e, form, model, "population", "overlay");
        }
    }

    @PostMapping("/console/simulations/compare")
    public String compare(@RequestParam Map<String, String> form, @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request,
                          Model model) {
        try {
            SimulationJob j = jobs.compare(form.get("baseline"), form.get("reform"), user.username());
            return started(request, j, "compare job " + j.reformJob() + " with baseline job " + j.baselineJob());
        } catch (DomainException e) {
            return refused(e, form, model, "baseline", "reform");
        }
    }

    private String started(HttpServletRequest request, SimulationJob j, String what) {
        audit.record(request, "simulation_started", "simulation job " + j.id(), Echo.cut(what, 200));
        return "redirect:/console/simulations/jobs/" + j.id();
    }

    private String page(Model model) {
        model.addAttribute("populations", jobs.populations());
        model.addAttribute("overlays", jobs.overlays());
        model.addAttribute("regions", jobs.regions());
        model.addAttribute("maxPersons", jobs.maxPersons());
        model.addAttribute("runs", jobs.runs(JOBS).stream().map(this::view).toList());
        jobsModel(model);
        return "console/simulations/list";
    }

    private void jobsModel(Model model) {
        List<JobView> list = jobs.newest(JOBS).stream().map(this::view).toList();
        model.addAttribute("jobs", list);
        model.addAttribute("active", list.stream().anyMatch(v -> !v.job().finished()));
    }

    private JobView view(SimulationJob j) {
        return JobView.of(j, jobs.progress(j), clock);
    }

    /** The page again, with what was typed and the refusal beside its field ("" when it names none). */
    private String refused(DomainException e, Map<String, String> form, Model model, String... fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(e.field() == null ? "" : e.field(), Echo.cut(e.getMessage(), 400));
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : fields) typed.put(f, Echo.cut(form.getOrDefault(f, ""), 100));
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return page(model);
    }
}
