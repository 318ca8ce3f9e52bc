package org.openyibao.platform.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.web.ApiException;

/**
 * A recorded settlement as the pages show it, in one place: found for a user who may see it (another's is "not found",
 * as if it did not exist), its slip (every field of the one table) and its parts in words (each payer's share).
 */
@Component
public class SettlementSlip {
    /** The payers a person reads a settlement by: each fund of the field table, then their own cash. */
    static final List<SettlementField> PAYERS = payers();

    private final SettlementService settlements;
    private final TraceInWords words;

    public SettlementSlip(SettlementService settlements, TraceInWords words) {
        this.settlements = settlements;
        this.words = words;
    }

    /** A field of the slip: the national name, the value as the wire shows it. */
    public record Line(String national, String value) {}

    /** A part of a settlement in words: which payer (message key) paid how much (yuan). */
    public record Part(String key, String yuan) {}

    /** The settlement {@code setlId} if {@code maysee} accepts it, else "not found" naming setl_id. */
    JsonNode find(String setlId, Predicate<JsonNode> maySee) {
        JsonNode s;
        try {
            s = settlements.find(setlId);
        } catch (ApiException e) {
            s = null;
        }
        if (s == null || !maySee.test(s)) {
            throw ApiException.notFound("setl_id", "setl_id: no such settlement of yours " + (setlId.length() > 40 ? "" : setlId));
        }
        return s;
    }

    /** The slip's model: the settlement, its lines and its trace in the reader's words. */
    void slip(JsonNode s, Model model) {
        List<Line> lines = new ArrayList<>();
        for (SettlementField f : SettlementField.values()) lines.add(new Line(f.national(), s.path(f.national()).asText()));
        model.addAttribute("s", s);
        model.addAttribute("lines", lines);
        model.addAttribute("steps", steps(s));
    }

    /** A settlement explained to the person it is about: the settlement, each payer's share, each step in words. */
    void explained(JsonNode s, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("parts", parts(s));
        model.addAttribute("steps", steps(s));
    }

    /** Each step of the trace in the language of the page being answered. */
    List<TraceInWords.Step> steps(JsonNode s) {
        return words.steps(s.path("trace"), LocaleContextHolder.getLocale());
    }

    /** Each payer's non-zero share. */
    static List<Part> parts(JsonNode s) {
        List<Part> out = new ArrayList<>();
        for (SettlementField f : PAYERS) {
            String v = s.path(f.national()).asText("0");
            if (Money.fen(v) != 0) out.add(new Part("field." + f.national(), v));
        }
        return out;
    }

    private static List<SettlementField> payers() {
        List<SettlementField> out = new ArrayList<>();
        for (SettlementField f : SettlementField.values()) if (f.isFund()) out.add(f);
        out.add(SettlementField.PSN_CASH_PAY);
        return List.copyOf(out);
    }
}
