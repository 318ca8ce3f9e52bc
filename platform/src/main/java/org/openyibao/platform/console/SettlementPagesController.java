package org.openyibao.platform.console;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.platform.settlement.SettlementService;

/**
 * A settlement as a slip (结算单) the agency can print: every national field of the one table
 * ({@link SettlementField}), in the order the table gives, and the engine's trace step by step: what each rule paid
 * and why. The same record as {@code GET /api/settlements/{setl_id}}.
 */
@Controller
public class SettlementPagesController {
    private final SettlementService settlements;

    public SettlementPagesController(SettlementService settlements) {
        this.settlements = settlements;
    }

    /** A field of the slip: the national name, the value as the wire shows it. */
    public record Line(String national, String value) {}

    @GetMapping("/console/settlements/{setlId}")
    public String slip(@PathVariable String setlId, Model model) {
        JsonNode s = settlements.find(setlId);
        List<Line> lines = new ArrayList<>();
        for (SettlementField f : SettlementField.values()) lines.add(new Line(f.national(), s.path(f.national()).asText()));
        model.addAttribute("s", s);
        model.addAttribute("lines", lines);
        model.addAttribute("trace", s.path("trace"));
        return "console/settlement";
    }
}
