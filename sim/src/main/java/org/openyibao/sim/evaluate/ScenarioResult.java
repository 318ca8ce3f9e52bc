package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * One scenario's indicators at each threshold.
 *
 * @param key        {@code no-insurance}, {@code basic-only}, or a run's {@code scenario} label
 * @param derived    true for the two scenarios rebuilt from the baseline run's household sums
 * @param oopFen     Σ out-of-pocket over all households in the scenario
 * @param indicators one per threshold, in the order of {@link Indicators#THRESHOLDS}
 */
public record ScenarioResult(String key, boolean derived, long oopFen, List<CheIndicators> indicators) {
}
