package org.openyibao.sim.io;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.Ratio;

/**
 * The hospital budget rules a run was settled under, as run.json's {@code hospitals.rules} records them
 * (docs/sim.md#hospital-budgets), and back: each value under its pack path after {@code hospital.budget.}, with its
 * value as the pack writes it, its date and its source, and ratios also in millionths ({@code ppm}), so that the
 * evaluation computes the budgets and year-ends with the run's own rules without the pack.
 */
public final class BudgetRulesJson {
    private static final String PREFIX = "hospital.budget.";

    private BudgetRulesJson() {}

    /** {@code rules} as run.json records them. */
    public static Map<String, Object> json(BudgetRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        cited(m, "basis", r.basisCited(), null);
        ratio(m, "growth_rate", r.growthRate());
        cited(m, "monthly_split", r.monthlySplitCited(), null);
        ratio(m, "prepayment_share", r.prepaymentShare());
        ratio(m, "quality_deposit.withheld_share", r.depositWithheld());
        cited(m, "quality_deposit.returned", r.depositReturnedCited(), null);
        ratio(m, "year_end.saving_kept", r.savingKept());
        ratio(m, "year_end.overspend_bound", r.overspendBound());
        ratio(m, "year_end.overspend_fund_share", r.overspendFundShare());
        ratio(m, "year_end.beyond_bound_fund_share", r.beyondBoundFundShare());
        cited(m, "year_end.emergency_outside_budget", r.emergencyCited(), null);
        return m;
    }

    /** The rules run.json records, or null when it records none (a pack without hospital budgets, an older run). */
    public static BudgetRules of(JsonNode rules) {
        if (rules == null || !rules.isObject() || rules.isEmpty()) return null;
        return new BudgetRules(text(rules, "basis"), cited(rules, "basis"), ratio(rules, "growth_rate"),
                text(rules, "monthly_split"), cited(rules, "monthly_split"), ratio(rules, "prepayment_share"),
                ratio(rules, "quality_deposit.withheld_share"), text(rules, "quality_deposit.returned"),
                cited(rules, "quality_deposit.returned"), ratio(rules, "year_end.saving_kept"),
                ratio(rules, "year_end.overspend_bound"), ratio(rules, "year_end.overspend_fund_share"),
                ratio(rules, "year_end.beyond_bound_fund_share"),
                Boolean.parseBoolean(text(rules, "year_end.emergency_outside_budget")),
                cited(rules, "year_end.emergency_outside_budget"));
    }

    private static void ratio(Map<String, Object> m, String key, Ratio r) {
        cited(m, key, r.cited(), r.ppm());
    }

    private static void cited(Map<String, Object> m, String key, Cited c, Integer ppm) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", c.value());
        if (ppm != null) v.put("ppm", ppm);
        v.put("since", c.since() == null ? null : c.since().toString());
        v.put("source", c.source());
        m.put(key, v);
    }

    private static JsonNode field(JsonNode rules, String key) {
        JsonNode v = rules.path(key);
        if (!v.isObject() || !v.has("value")) {
            throw new IllegalArgumentException("run.json hospitals.rules has no " + key + " (as yibao simulate writes it)");
        }
        return v;
    }

    private static String text(JsonNode rules, String key) {
        return field(rules, key).path("value").asText();
    }

    private static Cited cited(JsonNode rules, String key) {
        JsonNode v = field(rules, key);
        String since = v.path("since").isTextual() ? v.path("since").asText() : null;
        return new Cited(PREFIX + key, v.path("value").asText(), since == null ? null : LocalDate.parse(since),
                v.path("source").asText(null));
    }

    private static Ratio ratio(JsonNode rules, String key) {
        JsonNode v = field(rules, key);
        if (!v.path("ppm").canConvertToInt()) {
            throw new IllegalArgumentException("run.json hospitals.rules." + key + " has no ppm (as yibao simulate writes it)");
        }
        return new Ratio(v.path("ppm").asInt(), cited(rules, key));
    }
}
