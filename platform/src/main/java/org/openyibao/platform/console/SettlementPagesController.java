package org.openyibao.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;


/**
 * A settlement as a slip (结算单) the agency can print: every national field of the one table
 * ({@code SettlementField}), and the engine's trace step by step ({@link SettlementSlip}). The same record as
 * {@code GET /api/settlements/{setl_id}}.
 */
@Controller
public class SettlementPagesController {
    private final SettlementSlip slips;

    public SettlementPagesController(SettlementSlip slips) {
        this.slips = slips;
    }

    @GetMapping("/console/settlements/{setlId}")
    public String slip(@PathVariable String setlId, Model model) {
        slips.slip(slips.find(setlId, s -> true), model);
        return "console/settlement";
    }
}
