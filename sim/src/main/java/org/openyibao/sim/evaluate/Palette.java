package org.openyibao.sim.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per scenario, the same in every chart and legend of a report: the colour is looked up by the
 * scenario's key (a run's label, {@code no-insurance}, {@code basic-only}), given in the order of the report's
 * scenarios. The gainers and losers have two colours of their own, which no scenario uses.
 * <b>DECISION</b> (docs/sim.md#the-report-page): Tableau 10's colours less its green and red, kept for gain and loss;
 * eight colours, so a report of more than eight scenarios (six runs) repeats them from the first.
 */
final class Palette {

    private static final String[] SCENARIO = {"#4e79a7", "#f28e2b", "#76b7b2", "#b07aa1", "#edc948", "#9c755f",
            "#ff9da7", "#bab0ac"};
    /** Households whose out-of-pocket spending falls. */
    static final String GAINERS = "#59a14f";
    /** Households whose out-of-pocket spending rises. */
    static final String LOSERS = "#e15759";

    private final Map<String, String> byKey = new LinkedHashMap<>();

    /** Colours for {@code keys} in this order (a key given twice keeps its first colour). */
    Palette(List<String> keys) {
        for (String k : keys) byKey.putIfAbsent(k, SCENARIO[byKey.size() % SCENARIO.length]);
    }

    /** The palette of a report: its scenarios in the order the report shows them. */
    static Palette of(EvaluationResult r) {
        return new Palette(r.scenarios().stream().map(ScenarioResult::key).toList());
    }

    /** The scenario's colour; a key the report does not list (none should) gets the next free colour. */
    String colour(String key) {
        return byKey.computeIfAbsent(key, k -> SCENARIO[byKey.size() % SCENARIO.length]);
    }

    /** The colours of {@code keys}, in order. */
    List<String> colours(List<String> keys) {
        return keys.stream().map(this::colour).toList();
    }
}
