package org.openyibao.platform.feedback;

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
import org.openyibao.platform.console.ConsoleFormat;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.web.ApiErrors;

/**
 * The agency's work on complaints ({@code /console/feedback}: agency staff change, the auditor reads) and an
 * institution's view of the complaints about it ({@code /institution/feedback}, read only, complainant masked).
 */
@Controller
public class FeedbackConsoleController {
    private final FeedbackService feedback;
    private final FeedbackPages pages;
    private final PersonService persons;
    private final ConsoleFormat format;
    private final AuditTrail audit;

    public FeedbackConsoleController(FeedbackService feedback, FeedbackPages pages, PersonService persons, ConsoleFormat format,
                                     AuditTrail audit) {
        this.feedback = feedback;
        this.pages = pages;
        this.persons = persons;
        this.format = format;
        this.audit = audit;
    }

    @GetMapping("/console/feedback")
    public String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        FeedbackStatus s = FeedbackStatus.of(status);
        int p = Math.max(0, page);
        FeedbackPages.page(feedback.all(s, p, FeedbackPages.PAGE), p, model);
        model.addAttribute("status", s == null ? "" : s.key);
        model.addAttribute("statuses", FeedbackStatus.values());
        return "console/feedback/list";
    }

    @GetMapping("/console/feedback/{id}")
    public String one(@PathVariable long id, @AuthenticationPrincipal ConsoleUser user, HttpServletRequest request, Model model) {
        return onePage(feedback.one(id), user, request, null, Map.of(), model);
    }

    @PostMapping("/console/feedback/{id}/status")
    public String change(@PathVariable long id, @RequestParam(defaultValue = "") String status,
                         @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal ConsoleUser user,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        Feedback before = feedback.one(id);
        try {
            Feedback after = feedback.change(id, status, note, user.username());
            audit.record(request, "feedback_status", "feedback " + id, before.status().key + " -> " + after.status().key);
            return "redirect:/console/feedback/" + id + "?changed";
        } catch (DomainException e) {
            response.setStatus(ApiErrors.status(e.kind()).value());
            audit.record(request, "feedback_status", "feedback " + id, "refused: " + Echo.cut(e.getMessage(), 60));
            return onePage(feedback.one(id), user, request, pages.errors(e), Map.of("status", status,
                    "note", note.length() > FeedbackService.MAX_NOTE + 100 ? "" : note), model);
        }
    }

    @GetMapping("/institution/feedback")
    public String institution(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        int p = Math.max(0, page);
        FeedbackPages.page(feedback.aboutInstitution(user.fixmedinsCode(), p, FeedbackPages.PAGE), p, model);
        return "console/feedback/institution";
    }

    private String onePage(Feedback f, ConsoleUser user, HttpServletRequest request, Map<String, String> errors,
                           Map<String, String> form, Model model) {
        Person who = persons.existing("psn_no", f.psnNo());
        Person shown = format.visible(who, user);
        if (shown == who) audit.record(request, "feedback_viewed", f.psnNo(), "feedback " + f.id());
        model.addAttribute("f", f);
        model.addAttribute("who", shown);
        model.addAttribute("changes", feedback.changes(f.id()));
        model.addAttribute("next", f.status().next());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "console/feedback/one";
    }
}
