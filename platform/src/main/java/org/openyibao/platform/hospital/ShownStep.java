package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openyibao.engine.hospital.BudgetStep;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Cited;

/**
 * A budget, prepayment or year-end step as shown and stored: the rule, its arithmetic in words, the sources of the
 * rules it used (cut at their first colon), the amount in yuan.
 */
public record ShownStep(String rule, String explanation, List<String> sources, BigDecimal amount) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ShownStep of(BudgetStep s) {
        List<String> sources = new ArrayList<>();
        for (Cited c : s.parameters()) {
            String cited = HospitalRegions.cite(c.source());
            if (!sources.contains(cited)) sources.add(cited);
        }
        return new ShownStep(s.rule(), s.explanation(), sources, Money.yuan(s.amountFen()));
    }

    public static List<ShownStep> of(List<BudgetStep> steps) {
        return steps.stream().map(ShownStep::of).toList();
    }

    static String json(List<ShownStep> steps) {
        try {
            return JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ShownStep> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ShownStep>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored budget steps unreadable: " + e.getOriginalMessage());
        }
    }
}
