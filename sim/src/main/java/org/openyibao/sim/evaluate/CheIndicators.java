package org.openyibao.sim.evaluate;

/**
 * The catastrophic-health-expenditure indicators of one scenario at one threshold (REFERENCE §8,
 * seed 003 L1505–L1529). Counts are exact; the ratios are computed once from them.
 *
 * @param thresholdPercent   z in percent (20, 30, 40)
 * @param households         N: households whose share is defined (non-food spending &gt; 0)
 * @param excluded           households left out because non-food spending ≤ 0 (share undefined)
 * @param catastrophic       N_cat: households with share &gt; z
 * @param headcount          H = N_cat / N (发生率)
 * @param averageGap         G = Σ max(share − z, 0) / N (平均差距)
 * @param meanPositiveGap    MPO = Σ_cat (share − z) / N_cat (相对差距); NaN when N_cat = 0
 * @param concentrationIndex C = 1 − W / μ_E by income rank (集中指数); NaN when N_cat = 0
 */
public record CheIndicators(int thresholdPercent, long households, long excluded, long catastrophic,
                            double headcount, double averageGap, double meanPositiveGap,
                            double concentrationIndex) {
}
