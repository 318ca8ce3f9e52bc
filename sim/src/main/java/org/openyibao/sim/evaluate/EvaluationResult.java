package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Map;

/**
 * Everything the report shows, computed by {@link Evaluation#evaluate}.
 *
 * @param baseline      the baseline run's label
 * @param households    households in the population
 * @param scenarios     no insurance, basic only, the baseline as run, then every further run
 * @param reimbursement each run's settlement sums by label
 * @param funds         each run's fund totals by label
 * @param comparisons   every further run against the baseline
 */
public record EvaluationResult(String baseline, long households, List<ScenarioResult> scenarios,
                               Map<String, Reimbursement> reimbursement, Map<String, FundTotals> funds,
                               List<Comparison> comparisons) {
}
