package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.security.Activation;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.web.ApiException;

/**
 * The insured's own portal (issue 11), phone-first: activating the account with the agency's one-time code; my
 * coverage, this year's totals, account movements and settlements; each settlement explained fund by fund; and an
 * estimator that runs the engine on my real year-to-date totals without settling anything. Every page shows the
 * signed-in person's own data only: a settlement of someone else is "not found", as if it did not exist.
 */
@Controller
public class PortalController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final ConsoleQueries queries;
    private final SettlementService settlements;
    private final RegistryService registry;
    private final Activation activation;
    private final SettlementSlip slips;
    private final Clock clock;

    public PortalController(PersonService persons, EnrolmentService enrolments, ConsoleQueries queries, SettlementService settlements,
                            RegistryService registry, Activation activation, SettlementSlip slips, Clock clock) {
        this.slips = slips;
        this.persons = persons;
        this.enrolments = enrolments;
        this.queries = queries;
        this.settlements = settlements;
        this.registry = registry;
        this.activation = activation;
        this.clock = clock;
    }

    @GetMapping("/portal/activate")
    public String activatePage() {
        return "portal/activate";
    }

    @PostMapping("/portal/activate")
    public String activate(@RequestParam(defaultValue = "") String psnNo, @RequestParam(defaultValue = "") String code,
                           @RequestParam(defaultValue = "") String password, Model model) {
        try {
            activation.activate(psnNo.strip(), code, password);
        } catch (ApiException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("psnNo", psnNo.length() > 30 ? "" : psnNo);
            return "portal/activate";
        }
        return "redirect:/login?activated";
    }

    @GetMapping("/portal")
    public String home(@AuthenticationPrincipal ConsoleUser user, Model model) {
        Person me = persons.existing("psn_no", user.psnNo());
        model.addAttribute("me", me);
        model.addAttribute("coverage", enrolments.coverageOn(me.id(), LocalDate.now(clock)).orElse(null));
        int year = queries.latestPersonYear(me.id());
        model.addAttribute("year", year);
        model.addAttribute("totals", queries.yearTotals(me.id(), year));
        model.addAttribute("settlements", queries.settlements(me.id(), 0, 20).stream().limit(20).toList());
        model.addAttribute("movements", queries.accountMovements(me.id(), 0, 10).stream().limit(10).toList());
        return "portal/home";
    }

    @GetMapping("/portal/settlements/{setlId}")
    public String settlement(@PathVariable String setlId, @AuthenticationPrincipal ConsoleUser user, Model model) {
        slips.explained(slips.find(setlId, x -> user.psnNo().equals(x.path("psn_no").asText())), model);
        return "portal/settlement";
    }

    @GetMapping("/portal/estimate")
    public String estimatePage(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("levels", Institution.LEVELS);
        return "portal/estimate";
    }

    @PostMapping("/portal/estimate")
    public String estimate(@RequestParam(defaultValue = "") String cost, @RequestParam(defaultValue = "inpatient") String type,
                           @RequestParam(defaultValue = "level3") String level, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("levels", Institution.LEVELS);
        model.addAttribute("cost", cost.length() > 20 ? "" : cost);
        model.addAttribute("type", type);
        model.addAttribute("level", level);
        Person me = persons.existing("psn_no", user.psnNo());
        LocalDate today = LocalDate.now(clock);
        Institution at = registry.institutions(me.admdvs(), today).stream()
                .filter(i -> i.level().equals(level) && !"pharmacy".equals(i.type())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("level", "level: no designated institution of this level in your region"));
        if (!List.of("inpatient", "outpatient").contains(type)) throw ApiException.badRequest("type", "type: inpatient or outpatient");
        long fen = fen(cost);
        ObjectNode visit = JSON.createObjectNode().put("date", today.toString()).put("type", type);
        visit.putArray("lines").addObject().put("class", "A").put("amount", Money.yuan(fen));
        JsonNode s = settlements.estimate(me.psnNo(), at.code(), visit).toJson();
        slips.explained(s, model);
        model.addAttribute("institution", at);
        return "portal/estimate";
    }

    private static long fen(String cost) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(cost.strip());
            if (d.signum() <= 0 || d.compareTo(new java.math.BigDecimal("10000000")) > 0 || d.scale() > 2) throw new NumberFormatException();
            return Money.fen(d);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cost", "cost: an amount in yuan, above 0 and at most 10,000,000, two decimals at most");
        }
    }
}
