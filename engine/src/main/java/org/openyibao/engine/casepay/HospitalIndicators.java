package org.openyibao.engine.casepay;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openyibao.engine.money.Money;

/**
 * A hospital's case-mix indicators over a month or a year (docs/case-payment.md#indicators), each in millionths:
 * <ul>
 * <li>case-mix index (CMI) = Σ weights ÷ grouped cases;</li>
 * <li>cost efficiency index = (the hospital's cost per weight) ÷ (the region's): below 1 it treats the same case mix
 *     for less;</li>
 * <li>time efficiency index = (the hospital's days per weight) ÷ (the region's);</li>
 * <li>share of outliers = cases far from their group's average (outliers, deviations, special review) ÷ all cases.</li>
 * </ul>
 * Cases without a group count in {@code cases} and the share of outliers, not in the weighted indicators. An index
 * whose hospital or region has no weight is 0.
 */
public record HospitalIndicators(String hospital, int cases, int groupedCases, long cmiPpm, long costEfficiencyPpm,
                                 long timeEfficiencyPpm, long outlierSharePpm) {

    /** The indicators of {@code hospital}'s {@code cases} against the region's averages. */
    public static HospitalIndicators of(String hospital, List<CaseFigures> cases, RegionAverages region) {
        RegionAverages own = RegionAverages.of(cases);
        long outliers = cases.stream().filter(CaseFigures::outlier).count();
        return new HospitalIndicators(hospital, cases.size(), own.cases(), own.cmiPpm(),
                index(own.costFen(), own.weightPpm(), region.costFen(), region.weightPpm()),
                index(own.days(), own.weightPpm(), region.days(), region.weightPpm()),
                cases.isEmpty() ? 0 : Points.mulDiv(outliers, Money.PPM, cases.size()));
    }

    /** Every hospital's indicators against the region made of all {@code cases}, by hospital id. */
    public static List<HospitalIndicators> all(List<CaseFigures> cases) {
        RegionAverages region = RegionAverages.of(cases);
        Map<String, List<CaseFigures>> byHospital = new TreeMap<>();
        for (CaseFigures c : cases) byHospital.computeIfAbsent(c.hospital(), h -> new ArrayList<>()).add(c);
        List<HospitalIndicators> out = new ArrayList<>();
        byHospital.forEach((h, list) -> out.add(of(h, list, region)));
        return out;
    }

    /** (amount ÷ weight) ÷ (region's amount ÷ region's weight), in millionths, half-up; 0 when undefined. */
    private static long index(long amount, long weight, long regionAmount, long regionWeight) {
        if (weight == 0 || regionAmount == 0 || regionWeight == 0) return 0;
        BigInteger n = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(regionWeight)).multiply(BigInteger.valueOf(Money.PPM));
        BigInteger d = BigInteger.valueOf(weight).multiply(BigInteger.valueOf(regionAmount));
        BigInteger[] qr = n.divideAndRemainder(d);
        return qr[0].add(qr[1].shiftLeft(1).compareTo(d) >= 0 ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
    }
}
