package org.openyibao.platform.console;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.openyibao.platform.security.ConsoleUser;

/** The sign-in page, and where a signed-in user lands: the pages of their role (a new role must choose one). */
@Controller
public class HomeController {

    @GetMapping("/login")
    public String signIn() {
        return "login";
    }

    /** Forwarded to when the role may not open a page, or a form came without its token (HTTP 403). */
    @RequestMapping("/denied")
    public String denied() {
        return "denied";
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal ConsoleUser user) {
        return switch (user.role()) {
            case ADMIN, AGENCY, AUDITOR -> "redirect:/console";
            case INSURED -> "redirect:/portal";
            case INSTITUTION -> "redirect:/institution";
            case INSURER -> "redirect:/insurer";
            case MONITOR -> "home";
        };
    }
}
