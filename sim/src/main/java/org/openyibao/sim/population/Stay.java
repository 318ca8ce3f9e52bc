package org.openyibao.sim.population;

import java.util.SplittableRandom;

import org.openyibao.engine.grouping.DischargeType;

/**
 * DECISION (docs/decisions.md#sim-clinical-detail): a stay's length, how the patient left, and a newborn's birth weight.
 * The length keeps the region's mean days by level (Visits.INPATIENT_DAYS) and grows with the square root of the stay's
 * relative cost (a dearer case stays longer, less than in proportion). Discharge: most patients are sent home on the
 * doctor's order; deaths rise with age and with a major complication.
 */
final class Stay {
    private Stay() {}

    static int days(SplittableRandom r, int level, double relativeCost) {
        double mean = Visits.INPATIENT_DAYS[level] * Math.sqrt(relativeCost);
        return (int) Math.max(1, Math.round(Economy.lognormal(r, mean, 0.5)));
    }

    /** Transferred 2%, to community care 1%, against advice 3%, died 0.5% (×4 at 75+, ×4 with an MCC), other 0.5%. */
    static DischargeType discharge(SplittableRandom r, int band, int severity) {
        double died = 0.005 * (band == 5 ? 4 : 1) * (severity == 2 ? 4 : 1);
        double u = r.nextDouble();
        if (u < died) return DischargeType.DIED;
        u -= died;
        if (u < 0.02) return DischargeType.TRANSFERRED;
        if (u < 0.03) return DischargeType.TO_COMMUNITY;
        if (u < 0.06) return DischargeType.AGAINST_ADVICE;
        if (u < 0.065) return DischargeType.OTHER;
        return DischargeType.ORDERED;
    }

    /** A newborn's birth weight in grams: preterm about 1,900 g (600–2,490), at term about 3,200 g (2,500–4,500). */
    static int birthWeight(SplittableRandom r, boolean preterm) {
        double g = preterm ? 1_900 + 450 * r.nextGaussian() : 3_200 + 400 * r.nextGaussian();
        return (int) Math.round(preterm ? Math.min(2_490, Math.max(600, g)) : Math.min(4_500, Math.max(2_500, g)));
    }
}
