package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Map;

/**
 * Everything the report shows, computed by {@link Evaluation#evaluate}.
 *
 * @param baseline          the baseline run's label
 * @param households        households in the population
 * @param scenarios         no insurance, basic only, the baseline as run, then every further run
 * @param reimbursement     each run's settlement sums by label
 * @param funds             each run's fund totals by label
 * @param comparisons       every further run against the baseline
 * @param contexts          what each run compared (run.json), by label, the baseline first
 * @param warnings          what makes a comparison empty or misleading (shown first)
 * @param uncertainty       the bootstrap's intervals
 * @param distribution      out-of-pocket by income decile, threshold crossings, the size of gains and losses
 * @param costEffectiveness every further run at each threshold: cost per household kept out of CHE
 * @param hospitals         each run's hospitals against budgets set from the baseline's spending, the baseline first
 *                          (empty when the runs record no institutions or budget rules)
 * @param payments          paying hospitals by fee, DRG or DIP compared (docs/sim.md#case-payment), null when no run
 *                          recorded its cases' payment
 */
public record EvaluationResult(String baseline, long households, List<ScenarioResult> scenarios,
                               Map<String, Reimbursement> reimbursement, Map<String, FundTotals> funds,
                               List<Comparison> comparisons, Map<String, RunContext> contexts, List<Warning> warnings,
                               Uncertainty uncertainty, Distribution distribution,
                               List<CostEffectiveness> costEffectiveness, List<HospitalOutcome> hospitals,
                               PaymentMethods payments) {
    public EvaluationResult {
        hospitals = hospitals == null ? List.of() : List.copyOf(hospitals);
    }

    /** A result without the comparison of payment methods. */
    public EvaluationResult(String baseline, long households, List<ScenarioResult> scenarios,
                            Map<String, Reimbursement> reimbursement, Map<String, FundTotals> funds,
                            List<Comparison> comparisons, Map<String, RunContext> contexts, List<Warning> warnings,
                            Uncertainty uncertainty, Distribution distribution, List<CostEffectiveness> costEffectiveness,
                            List<HospitalOutcome> hospitals) {
        this(baseline, households, scenarios, reimbursement, funds, comparisons, contexts, warnings, uncertainty, distribution,
                costEffectiveness, hospitals, null);
    }

    /** A result without the hospitals' budgets. */
    public EvaluationResult(String baseline, long households, List<ScenarioResult> scenarios,
                            Map<String, Reimbursement> reimbursement, Map<String, FundTotals> funds,
                            List<Comparison> comparisons, Map<String, RunContext> contexts, List<Warning> warnings,
                            Uncertainty uncertainty, Distribution distribution, List<CostEffectiveness> costEffectiveness) {
        this(baseline, households, scenarios, reimbursement, funds, comparisons, contexts, warnings, uncertainty, distribution,
                costEffectiveness, List.of());
    }
}
