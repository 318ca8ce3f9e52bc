package org.openyibao.engine.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Institutions against their peers of the same region and level (docs/supervision.md#institutions): for cost per
 * case, reimbursement ratio and admission rate, the robust z-score z = 0.6745 × (x − median) / MAD, where MAD is the
 * median of the absolute deviations from the median (Iglewicz and Hoaglin's modified z-score; 0.6745 makes it
 * comparable with a standard z-score for normal data). Robust, so that the outliers being looked for do not hide
 * themselves by inflating the mean and the standard deviation. The risk score adds the positive z-scores: only an
 * institution above its peers is at risk. A peer group smaller than {@code minPeers}, or one with no spread (MAD 0),
 * gives z-scores of 0. Pure; all figures in millionths.
 */
public final class PeerComparison {
    /** The modified z-score's constant, the 0.75 quantile of the standard normal distribution, in millionths. */
    static final long CONSISTENCY_PPM = 674_500;

    /** One institution's z-scores (millionths) and risk score (millionths), with its peer group's size. */
    public record Risk(String id, String region, String level, int peers, long costPerCaseZ, long reimbursementRatioZ,
                       long admissionRateZ, long score) {}

    private PeerComparison() {}

    /** Every institution's risk, highest score first (then by id). */
    public static List<Risk> risks(List<InstitutionFigures> institutions, int minPeers) {
        Map<String, List<InstitutionFigures>> groups = new TreeMap<>();
        for (InstitutionFigures f : institutions)
            groups.computeIfAbsent(f.region() + " " + f.level().key, k -> new ArrayList<>()).add(f);
        List<Risk> out = new ArrayList<>();
        for (List<InstitutionFigures> peers : groups.values()) {
            boolean enough = peers.size() >= minPeers;
            for (InstitutionFigures f : peers) {
                long cost = enough ? z(f, peers, InstitutionFigures::costPerCaseFen) : 0;
                long ratio = enough ? z(f, peers, InstitutionFigures::reimbursementRatioPpm) : 0;
                long rate = enough ? z(f, peers, InstitutionFigures::admissionRatePpm) : 0;
                out.add(new Risk(f.id(), f.region(), f.level().key, peers.size(), cost, ratio, rate,
                        Math.max(0, cost) + Math.max(0, ratio) + Math.max(0, rate)));
            }
        }
        out.sort(Comparator.comparingLong(Risk::score).reversed().thenComparing(Risk::id));
        return out;
    }

    /** The robust z-score of one figure among its peers, in millionths, half-up. */
    static long z(InstitutionFigures f, List<InstitutionFigures> peers, ToLongFunction<InstitutionFigures> measure) {
        List<BigDecimal> xs = peers.stream().map(p -> BigDecimal.valueOf(measure.applyAsLong(p))).toList();
        BigDecimal median = median(xs);
        BigDecimal mad = median(xs.stream().map(x -> x.subtract(median).abs()).toList());
        if (mad.signum() == 0) return 0;
        BigDecimal x = BigDecimal.valueOf(measure.applyAsLong(f));
        return x.subtract(median).multiply(BigDecimal.valueOf(CONSISTENCY_PPM)).divide(mad, 0, RoundingMode.HALF_UP).longValueExact();
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) return sorted.get(n / 2);
        return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    }
}
