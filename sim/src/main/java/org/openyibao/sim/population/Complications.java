package org.openyibao.sim.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DECISION (docs/decisions.md#sim-clinical-detail): an admission's secondary diagnoses. The number of comorbidities
 * grows with age (Poisson, {@link #PER_ADMISSION} by age band); each is a major complication (MCC) with probability
 * {@link #MCC_SHARE}, a complication (CC) with {@link #CC_SHARE}, else a comorbidity that does not complicate
 * (hypertension, hyperlipidaemia ...). The codes are those of the illustrative DRG table's MCC/CC list
 * (policies/grouping/illustrative-drg-1/complications.csv). A stay with an MCC costs {@link #FACTOR}[2] times one
 * without any, with a CC [1] times; {@link AdmissionMix} divides by the mean so the region's calibrated cost holds.
 */
final class Complications {
    private Complications() {}

    static final double[] PER_ADMISSION = {0.2, 0.2, 0.4, 0.9, 1.6, 2.2};
    static final double MCC_SHARE = 0.08, CC_SHARE = 0.35;
    /** The cost factor of a stay with no complication, with a CC, with an MCC. */
    static final double[] FACTOR = {1.0, 1.25, 1.6};

    static final String[] MCC = {"J96.0", "R57.0", "N17.9", "A41.9"};
    static final String[] CC = {"J18.9", "N39.0", "E87.1", "D64.9", "E11.9"};
    static final String[] OTHER = {"I10", "E78.5", "I25.1", "K21.0", "M81.9", "Z95.5", "E03.9", "H40.9"};

    /** The drawn secondary diagnoses and the stay's severity: 0 none, 1 a CC, 2 an MCC. */
    record Drawn(List<String> codes, int severity) {}

    static Drawn draw(SplittableRandom r, int band, String principal) {
        int n = Visits.poisson(r, PER_ADMISSION[band]);
        if (n == 0) return new Drawn(List.of(), 0);
        List<String> codes = new ArrayList<>(n);
        int severity = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int s = u < MCC_SHARE ? 2 : u < MCC_SHARE + CC_SHARE ? 1 : 0;
            String[] list = s == 2 ? MCC : s == 1 ? CC : OTHER;
            int k = r.nextInt(list.length);
            String code = list[k].equals(principal) ? list[(k + 1) % list.length] : list[k];
            if (!codes.contains(code)) codes.add(code); // a code drawn twice is listed once, of the same severity
            severity = Math.max(severity, s);
        }
        return new Drawn(codes, severity);
    }

    /**
     * The probability of each severity for an admission in age band {@code band}: with N ~ Poisson(λ), no MCC has
     * probability e^(−λ·p_mcc), neither an MCC nor a CC e^(−λ·(p_mcc + p_cc)). Exact: a code equal to the principal
     * is replaced by the next of its list, one drawn twice is listed once, neither changes the severity.
     */
    static double[] severityShares(int band) {
        double l = PER_ADMISSION[band];
        double none = Math.exp(-l * (MCC_SHARE + CC_SHARE)), noMcc = Math.exp(-l * MCC_SHARE);
        return new double[] {none, noMcc - none, 1 - noMcc};
    }
}
