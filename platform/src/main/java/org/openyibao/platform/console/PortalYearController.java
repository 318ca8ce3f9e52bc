package org.openyibao.platform.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.portal.YearCaps;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.security.ConsoleUser;

/**
 * The insured's year in the portal: my contributions with any arrears, and what is left of this year's caps. The
 * person is always the one the account is bound to: there is no other person to ask for.
 */
@Controller
public class PortalYearController {
    private final PersonService persons;
    private final ContributionService contributions;
    private final YearCaps caps;

    public PortalYearController(PersonService persons, ContributionService contributions, YearCaps caps) {
        this.persons = persons;
        this.contributions = contributions;
        this.caps = caps;
    }

    @GetMapping("/portal/contributions")
    public String contributions(@AuthenticationPrincipal ConsoleUser user, Model model) {
        Person me = persons.existing("psn_no", user.psnNo());
        List<ContributionService.ContributionView> mine = new ArrayList<>(contributions.contributions(me.id()));
        Collections.reverse(mine);   // newest first
        model.addAttribute("contributions", mine);
        model.addAttribute("arrears", contributions.arrears(me.id()));
        return "portal/contributions";
    }

    @GetMapping("/portal/caps")
    public String caps(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("caps", caps.latestYear(user.psnNo()).orElse(null));
        return "portal/caps";
    }
}
