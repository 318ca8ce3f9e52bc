package org.openyibao.sim.population;

import java.util.List;

/**
 * A reason for admission in the generated region (docs/sim.md#clinical-detail): a principal diagnosis, how often it
 * brings people of each age band to hospital, how complex it is (which levels treat it), and the treatments it gets.
 * The relative costs follow the illustrative tables' weights (policies/grouping/illustrative-drg-1), so that a case's
 * group says something about its cost; the region's calibrated mean cost of an admission is kept by
 * {@link AdmissionMix}, which divides by the mix's mean.
 *
 * @param name what it is, in words
 * @param principal the principal diagnosis (ICD-10)
 * @param byBand relative admissions by age band (0–4, 5–17, 18–34, 35–59, 60–74, 75+)
 * @param complexity 0 simple medical, 1 moderate, 2 complex or surgical ({@link AdmissionMix#LEVEL_TILT})
 * @param treatments what is done, the shares summing to 1
 */
record Condition(String name, String principal, double[] byBand, int complexity, List<Treatment> treatments) {

    /**
     * One way of treating the condition.
     *
     * @param share the share of the condition's admissions treated this way
     * @param procedures the procedures (ICD-9-CM-3), the main one first; empty for a medical stay
     * @param relativeCost the stay's cost relative to an average admission (about the illustrative DRG weight)
     */
    record Treatment(double share, List<String> procedures, double relativeCost) {}

    static Condition of(String name, String principal, double[] byBand, int complexity, Treatment... treatments) {
        return new Condition(name, principal, byBand, complexity, List.of(treatments));
    }

    static Treatment medical(double share, double relativeCost) {
        return new Treatment(share, List.of(), relativeCost);
    }

    static Treatment with(double share, double relativeCost, String... procedures) {
        return new Treatment(share, List.of(procedures), relativeCost);
    }
}
