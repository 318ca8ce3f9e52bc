package org.openyibao.platform.console.policy;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.web.ApiException;

/**
 * The policy explorer (issue 11), for agency staff and the auditor: a region's parameters on a date with their sources
 * and history, the difference between two dates, and a reform overlay pasted or uploaded, checked as
 * {@code yibao policy check} checks it. A mistake in the form (an unknown region, a date that is not one, an overlay
 * too large or not text) comes back beside its field; nothing is stored.
 */
@Controller
public class PolicyPagesController {
    private final PolicyExplorerService explorer;

    public PolicyPagesController(PolicyExplorerService explorer) {
        this.explorer = explorer;
    }

    /** How large an overlay may be, as the check page says. */
    @ModelAttribute("overlayLimitKib")
    public int overlayLimitKib() {
        return OverlayText.MAX_BYTES / 1024;
    }

    @GetMapping("/console/policy")
    public String values(@RequestParam(required = false) String region, @RequestParam(required = false) String date, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PolicyPack pack = pack(region, errors, model);
        LocalDate on = field(errors, () -> date("date", date, explorer.today()));
        form(model, errors, "date", date, on);
        if (pack != null && on != null) {
            model.addAttribute("groups", explorer.valuesOn(pack, on));
            model.addAttribute("rulesFrom", pack.changeDates().get(0));
        }
        return page("console/policy/values", errors, model);
    }

    @GetMapping("/console/policy/diff")
    public String difference(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PolicyPack pack = pack(region, errors, model);
        LocalDate[] latest = pack == null ? new LocalDate[] {null, null} : explorer.latestChange(pack);
        LocalDate a = field(errors, () -> date("from", from, latest[0]));
        LocalDate b = field(errors, () -> date("to", to, latest[1]));
        form(model, errors, "from", from, a);
        form(model, errors, "to", to, b);
        if (pack != null && a != null && b != null) model.addAttribute("changes", explorer.difference(pack, a, b));
        return page("console/policy/diff", errors, model);
    }

    @GetMapping("/console/policy/check")
    public String checkForm(@RequestParam(required = false) String region, @RequestParam(required = false) String date, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        pack(region, errors, model);
        form(model, errors, "date", date, field(errors, () -> date("date", date, explorer.today())));
        model.addAttribute("overlay", "");
        return page("console/policy/check", errors, model);
    }

    @PostMapping("/console/policy/check")
    public String check(@RequestParam(required = false) String region, @RequestParam(required = false) String date,
                        @RequestParam(required = false) String overlay, @RequestParam(required = false) MultipartFile file,
                        Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PolicyPack pack = pack(region, errors, model);
        LocalDate on = field(errors, () -> date("date", date, explorer.today()));
        form(model, errors, "date", date, on);
        OverlayText text = field(errors, () -> overlay(overlay, file));
        model.addAttribute("overlay", text != null ? text.text() : overlay == null ? "" : Echo.cut(overlay, OverlayText.MAX_BYTES));
        if (pack != null && on != null && text != null) {
            model.addAttribute("overlayName", text.name());
            var report = explorer.check(pack, text, on);
            model.addAttribute("report", report);
            if (!report.valid()) model.addAttribute("listing", OverlayListing.of(text.text(), report));
        }
        return page("console/policy/check", errors, model);
    }

    /** An upload larger than the server takes at all (spring.servlet.multipart) is refused as the file's mistake. */
    @ExceptionHandler(MultipartException.class)
    public String unreadable(MultipartException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("file", "file: too large or not readable: an overlay may have " + OverlayText.MAX_BYTES / 1024 + " KiB");
        pack(null, errors, model);
        form(model, errors, "date", null, explorer.today());
        model.addAttribute("overlay", "");
        model.addAttribute("overlayLimitKib", overlayLimitKib());
        return page("console/policy/check", errors, model);
    }

    private OverlayText overlay(String pasted, MultipartFile file) {
        if (file == null || file.isEmpty()) return OverlayText.pasted("overlay", pasted);
        OverlayText.fits("file", file.getSize());
        try {
            return OverlayText.uploaded("file", file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw ApiException.badRequest("file", "file: could not be read");
        }
    }

    /** The region's pack, the list to choose from and the region shown; null (with the error beside "region") when it is no region. */
    private PolicyPack pack(String region, Map<String, String> errors, Model model) {
        model.addAttribute("regions", explorer.regions());
        PolicyPack pack = field(errors, () -> explorer.pack(region));
        model.addAttribute("pack", pack);
        model.addAttribute("region", pack != null ? pack.region() : region == null ? "" : Echo.cut(region, 40));
        return pack;
    }

    private static void form(Model model, Map<String, String> errors, String name, String typed, LocalDate parsed) {
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.asMap().computeIfAbsent("form", k -> new LinkedHashMap<String, String>());
        form.put(name, parsed != null ? parsed.toString() : typed == null ? "" : Echo.cut(typed, 40));
        model.addAttribute(name, parsed);
    }

    /** The page, with the form's refusals beside their fields when there are any. */
    private static String page(String view, Map<String, String> errors, Model model) {
        if (!errors.isEmpty()) model.addAttribute("errors", errors);
        return view;
    }

    /** What {@code read} gives, or null with its refusal kept beside its field. */
    private static <T> T field(Map<String, String> errors, Supplier<T> read) {
        try {
            return read.get();
        } catch (DomainException e) {
            errors.put(e.field() == null ? "" : e.field(), Echo.cut(e.getMessage(), 300));
            return null;
        }
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + ": '" + Echo.cut(text.strip(), 20) + "' is not a date (YYYY-MM-DD)");
        }
    }
}
