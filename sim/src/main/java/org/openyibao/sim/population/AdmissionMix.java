package org.openyibao.sim.population;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Which condition brings a person to hospital, and how much the stay costs relative to the region's calibrated mean
 * (docs/sim.md#clinical-detail). The condition is drawn from the person's age band, sex and the level of the hospital
 * (complex conditions go to higher levels, {@link #LEVEL_TILT}); the stay's relative cost (its treatment's cost times
 * the complications' factor) is divided by the mix's expected relative cost for that age, sex and level, so the mean
 * cost of an admission at each level is the region's calibrated one (Region.Care#inpatientCost) whatever the mix. The
 * log-spread left to chance shrinks by the spread the mix already brings, so that the cost's second moment (its tail,
 * which the serious-illness insurance and the catastrophic-expenditure headcount read) stays the calibrated one:
 * with cost = m·f/E[f]·LN(σ_w), E[cost²] = m²·E[f²]/E[f]²·e^(σ_w²) equals the calibrated m²·e^(σ²) when
 * σ_w² = σ² − ln(E[f²]/E[f]²), floored at (σ/3)².
 */
final class AdmissionMix {
    /** DECISION: the relative weight of a condition at each level (village, township, level 1, 2, 3) by complexity. */
    static final double[][] LEVEL_TILT = {{0, 1.3, 1.2, 0.9, 0.5}, {0, 0.8, 1.0, 1.1, 1.1}, {0, 0.15, 0.5, 1.2, 2.5}};
    /** DECISION: childbirth's share of a woman's admissions at 18–39 (generator 2's constant). */
    static final double CHILDBIRTH = 0.35;
    static final int AGES = 101, LEVELS = 5;

    private final double[][][] mean = new double[AGES][2][LEVELS];
    private final double[][][] sigma = new double[AGES][2][LEVELS];

    /** The normalisers for the region's log-spreads by level ({@code inpatientSigma}). */
    AdmissionMix(double[] inpatientSigma) {
        for (int age = 0; age < AGES; age++) {
            int band = Visits.band(age);
            double[] sev = Complications.severityShares(band);
            double cm = 0, cm2 = 0;
            for (int s = 0; s < 3; s++) {
                double f = Complications.FACTOR[s];
                cm += sev[s] * f;
                cm2 += sev[s] * f * f;
            }
            for (int female = 0; female < 2; female++) {
                for (int l = 1; l < LEVELS; l++) {
                    double[] m = treatmentMoments(age, female == 1, l);
                    mean[age][female][l] = m[0] * cm;
                    double spread = Math.log(m[1] * cm2 / (m[0] * m[0] * cm * cm));
                    double s2 = inpatientSigma[l] * inpatientSigma[l];
                    sigma[age][female][l] = Math.sqrt(Math.max(s2 / 9, s2 - spread));
                }
            }
        }
    }

    /** E[c] and E[c²] of the treatment's relative cost c over the conditions for this age, sex and level. */
    private static double[] treatmentMoments(int age, boolean female, int level) {
        double[] out = new double[2];
        double childbirth = childbirthShare(age, female);
        if (childbirth > 0) add(out, Conditions.CHILDBIRTH, age, level, childbirth);
        add(out, Conditions.ORDINARY, age, level, 1 - childbirth);
        return out;
    }

    private static void add(double[] out, List<Condition> list, int age, int level, double share) {
        double total = 0;
        for (Condition c : list) total += weight(c, age, level);
        for (Condition c : list) {
            double p = share * weight(c, age, level) / total;
            for (Condition.Treatment t : c.treatments()) {
                out[0] += p * t.share() * t.relativeCost();
                out[1] += p * t.share() * t.relativeCost() * t.relativeCost();
            }
        }
    }

    static double childbirthShare(int age, boolean female) {
        return female && age >= 18 && age < 40 ? CHILDBIRTH : 0;
    }

    static double weight(Condition c, int age, int level) {
        return c.byBand()[Visits.band(age)] * LEVEL_TILT[c.complexity()][level];
    }

    /** The condition of an ordinary admission (childbirth or one of {@link Conditions#ORDINARY}). */
    static Condition condition(SplittableRandom r, int age, boolean female, int level) {
        List<Condition> list = r.nextDouble() < childbirthShare(age, female) ? Conditions.CHILDBIRTH : Conditions.ORDINARY;
        return pick(r, list, age, level);
    }

    static Condition pick(SplittableRandom r, List<Condition> list, int age, int level) {
        double total = 0;
        for (Condition c : list) total += weight(c, age, level);
        double u = r.nextDouble() * total;
        for (Condition c : list) {
            u -= weight(c, age, level);
            if (u < 0) return c;
        }
        return list.get(list.size() - 1);
    }

    static Condition.Treatment treatment(SplittableRandom r, Condition c) {
        double u = r.nextDouble();
        for (Condition.Treatment t : c.treatments()) {
            u -= t.share();
            if (u < 0) return t;
        }
        return c.treatments().get(c.treatments().size() - 1);
    }

    /** The mix's expected relative cost (treatment × complications) for this age, sex and level. */
    double mean(int age, boolean female, int level) {
        return mean[Math.min(age, AGES - 1)][female ? 1 : 0][level];
    }

    /** The log-spread left to chance once the mix's own spread is taken out. */
    double sigma(int age, boolean female, int level) {
        return sigma[Math.min(age, AGES - 1)][female ? 1 : 0][level];
    }
}
