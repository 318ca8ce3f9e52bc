package org.openyibao.platform.feedback;

import java.util.LinkedHashMap;
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
import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The insured's feedback and complaints in the portal: my list, the form (an institution I visited or found by name,
 * a category, the text), and one of mine with its answer. Only the signed-in person's own.
 */
@Controller
public class PortalFeedbackController {
    private final FeedbackService feedback;
    private final FeedbackPages pages;
    private final AuditTrail audit;

    public PortalFeedbackController(FeedbackService feedback, FeedbackPages pages, AuditTrail audit) {
        this.feedback = feedback;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/portal/feedback")
    public String mine(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        int p = Math.max(0, page);
        FeedbackPages.page(feedback.mine(user.psnNo(), p, FeedbackPages.PAGE), p, model);
        return "portal/feedback";
    }

    /** The form; {@code q} searches the region's institutions by name (a plain GET: no script needed). */
    @GetMapping("/portal/feedback/new")
    public String form(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String institution,
                       @AuthenticationPrincipal ConsoleUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("institution", institution.length() > 30 ? "" : institution);
        return formPage(user, q, form, null, model);
    }

    @PostMapping("/portal/feedback")
    public String file(@RequestParam Map<String, String> typed, @AuthenticationPrincipal ConsoleUser user,
                       HttpServletRequest request, Model model) {
        try {
            Feedback f = feedback.file(user.psnNo(), new Feedback.New(typed.get("institution"), typed.get("category"),
                    typed.get("body")));
            audit.record(request, "feedback_filed", "feedback " + f.id(), f.institutionCode());
            return "redirect:/portal/feedback/" + f.id() + "?filed";
        } catch (DomainException e) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String k : new String[] {"institution", "category", "body"}) {
                String v = typed.getOrDefault(k, "");
                form.put(k, v.length() > FeedbackService.MAX_TEXT + 100 ? "" : v);
            }
            return formPage(user, typed.getOrDefault("q", ""), form, pages.errors(e), model);
        }
    }

    @GetMapping("/portal/feedback/{id}")
    public String one(@PathVariable long id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        Feedback f = feedback.mine(user.psnNo(), id);
        model.addAttribute("f", f);
        model.addAttribute("changes", feedback.changes(id));
        return "portal/feedback-one";
    }

    private String formPage(ConsoleUser user, String q, Map<String, String> form, Map<String, String> errors, Model model) {
        String words = q.length() > 50 ? "" : q;
        model.addAttribute("q", words);
        model.addAttribute("visited", feedback.visited(user.psnNo()));
        model.addAttribute("found", feedback.search(user.psnNo(), words));
        model.addAttribute("categories", feedback.categories());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxText", FeedbackService.MAX_TEXT);
        return "portal/feedback-new";
    }
}
