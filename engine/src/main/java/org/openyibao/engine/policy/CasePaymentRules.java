package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;

/**
 * The rules of case-based payment of hospitals in force on a day (docs/case-payment.md), compiled from the pack's
 * {@code hospital.case_payment.*} values: which method pays inpatient cases (fee for service, DRG or DIP), the DRG
 * base rate and level coefficients, the DRG high- and low-cost outlier rules, the DIP deviation rules and cap, the
 * special review (特例单议) thresholds, whether emergency cases are paid outside, and whether employees and residents
 * have separate DIP point values. Both the DRG and the DIP values are required, whatever the method in force, so that
 * a region can compare them. Every figure carries its {@link Cited} source; the arithmetic is in
 * {@code org.openyibao.engine.casepay}.
 *
 * @param method DRG or DIP, or null when cases are paid by fee for each service ({@link #feeForService()})
 * @param levelCoefficients by institution level, in millionths (0.85 is 850,000)
 * @param specialReviewLengthOfStay days; a longer stay goes to review
 */
public record CasePaymentRules(Method method, Cited methodCited, boolean emergencyOutside, Cited emergencyCited,
                               Ratio specialReviewCostMultiple, int specialReviewLengthOfStay, Cited specialReviewLengthCited,
                               Amount drgBaseRate, Map<Level, Ratio> levelCoefficients, Ratio highOutlierThreshold,
                               Ratio highOutlierExcessRatio, Ratio lowOutlierThreshold, Ratio lowOutlierCostRatio,
                               Ratio dipHighThreshold, Ratio dipLowThreshold, Ratio dipScoreCap,
                               boolean separatePointValues, Cited separatePointValuesCited) {

    static final String PREFIX = "hospital.case_payment.";
    public static final String FEE_FOR_SERVICE = "fee_for_service";

    public CasePaymentRules {
        levelCoefficients = Map.copyOf(levelCoefficients);
    }

    /** Whether inpatient cases are paid by fee for each service (no case-based method in force). */
    public boolean feeForService() {
        return method == null;
    }

    /** The DRG coefficient of an institution level. */
    public Ratio levelCoefficient(Level level) {
        return levelCoefficients.get(level);
    }

    /** Whether the pack defines case-based payment at all (any {@code hospital.case_payment.*} value). */
    public static boolean defined(PolicyPack pack) {
        return pack.parameters().keySet().stream().anyMatch(p -> p.startsWith(PREFIX));
    }

    /**
     * The rules in force on {@code date}, or null when the pack has none; rules with a value missing that day, or
     * thresholds in the wrong order, are refused with every path at fault ({@link PolicyException}).
     */
    public static CasePaymentRules of(PolicyPack pack, LocalDate date) {
        if (!defined(pack)) return null;
        List<Problem> problems = new ArrayList<>();
        CasePaymentRules rules = compile(pack, date, problems);
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return rules;
    }

    /** As {@link #of}, adding what is wrong to {@code problems} (for the pack's check) instead of throwing. */
    static CasePaymentRules compile(PolicyPack pack, LocalDate date, List<Problem> problems) {
        ValuesOnDay r = new ValuesOnDay(pack, date, problems, "the case payment rules");
        Dated method = r.dated(PREFIX + "method");
        Dated emergency = r.dated(PREFIX + "emergency_outside");
        Ratio reviewCost = r.ratio(PREFIX + "special_review.cost_multiple");
        Dated reviewDays = r.dated(PREFIX + "special_review.length_of_stay");
        Dated baseRate = r.dated(PREFIX + "drg.base_rate");
        Map<Level, Ratio> coefficients = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            Ratio c = r.ratio(PREFIX + "drg.level_coefficient." + level.key);
            if (c != null) coefficients.put(level, c);
        }
        Ratio high = r.ratio(PREFIX + "drg.high_outlier.threshold");
        Ratio excess = r.ratio(PREFIX + "drg.high_outlier.excess_ratio");
        Ratio low = r.ratio(PREFIX + "drg.low_outlier.threshold");
        Ratio lowCost = r.ratio(PREFIX + "drg.low_outlier.cost_ratio");
        Ratio dipHigh = r.ratio(PREFIX + "dip.high_deviation.threshold");
        Ratio dipLow = r.ratio(PREFIX + "dip.low_deviation.threshold");
        Ratio cap = r.ratio(PREFIX + "dip.score_cap");
        Dated separate = r.dated(PREFIX + "dip.separate_point_values");
        order(pack, r, "drg.low_outlier.threshold", low, "drg.high_outlier.threshold", high, problems);
        order(pack, r, "dip.low_deviation.threshold", dipLow, "dip.high_deviation.threshold", dipHigh, problems);
        order(pack, r, "drg.high_outlier.threshold", high, "special_review.cost_multiple", reviewCost, problems);
        if (!problems.isEmpty()) return null;
        String methodKey = (String) method.value();
        long rate = (Long) baseRate.value();
        return new CasePaymentRules(FEE_FOR_SERVICE.equals(methodKey) ? null : Method.of(methodKey),
                r.cite(PREFIX + "method", method), (Boolean) emergency.value(), r.cite(PREFIX + "emergency_outside", emergency),
                reviewCost, (Integer) reviewDays.value(), r.cite(PREFIX + "special_review.length_of_stay", reviewDays),
                new Amount(rate, r.cite(PREFIX + "drg.base_rate", baseRate, Money.format(rate))), coefficients,
                high, excess, low, lowCost, dipHigh, dipLow, cap, (Boolean) separate.value(),
                r.cite(PREFIX + "dip.separate_point_values", separate));
    }

    /** A problem when the lower threshold is not below the upper one (both multiples of the group's average cost). */
    private static void order(PolicyPack pack, ValuesOnDay r, String lower, Ratio lo, String upper, Ratio hi,
                              List<Problem> problems) {
        if (lo == null || hi == null || lo.ppm() < hi.ppm()) return;
        String path = PREFIX + lower;
        problems.add(new Problem(r.file(path), pack.parameters().get(path).line(), path, PREFIX + lower + " ("
                + lo.cited().value() + ") must be below " + PREFIX + upper + " (" + hi.cited().value() + ")"));
    }
}
