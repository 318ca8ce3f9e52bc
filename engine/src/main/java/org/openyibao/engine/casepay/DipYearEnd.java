package org.openyibao.engine.casepay;

import static org.openyibao.engine.money.Money.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Scheme;

/**
 * The DIP year-end (docs/case-payment.md#year-end, docs/decisions.md#case-payment-year-end): a pure calculation, the
 * hospitals' points, their patients' shares and advances, and the year's budget in; the point value and each
 * hospital's final, due and balance out. Per pool (each scheme apart when {@code dip.separate_point_values}):
 * <pre>
 * distributable = budget + the patients' share of the pool's cases
 * point value   = distributable ÷ all points
 * final         = points × point value, shared by largest remainder so the finals sum to distributable exactly
 * fund due      = final − patients' share;  balance = fund due − advanced
 * </pre>
 * Money is conserved: the funds' dues sum to the budget exactly. A scheme without cases has no pool (its budget is
 * not shared, and a step says so); a pool whose cases have no points is refused.
 */
public record DipYearEnd(List<DipPool> pools, List<CasePaymentStep> steps) {
    public DipYearEnd {
        pools = List.copyOf(pools);
        steps = List.copyOf(steps);
    }

    /**
     * The year-end of {@code hospitals} under {@code rules}, with the year's DIP fund budget by scheme; a scheme with
     * hospitals needs a budget, and a pool with a budget needs points.
     */
    public static DipYearEnd of(List<DipHospitalYear> hospitals, Map<Scheme, Long> budgetFen, CasePaymentRules rules) {
        List<DipPool> pools = new ArrayList<>();
        List<CasePaymentStep> steps = new ArrayList<>();
        if (rules.separatePointValues()) {
            for (Scheme s : Scheme.values()) {
                List<DipHospitalYear> in = hospitals.stream().filter(h -> h.scheme() == s).toList();
                if (in.isEmpty()) {
                    if (budgetFen.containsKey(s)) {
                        steps.add(new CasePaymentStep("point value (" + s.key + ")", "no " + s.key + " DIP cases this year:"
                                + " the budget " + format(budgetFen.get(s)) + " is not shared", List.of()));
                    }
                    continue;
                }
                pools.add(pool(s, in, budget(budgetFen, s), steps));
            }
        } else {
            long total = 0;
            for (Scheme s : Scheme.values()) total += budgetFen.getOrDefault(s, 0L);
            if (budgetFen.values().stream().anyMatch(b -> b < 0)) throw DipHospitalYear.invalid("budget", "a budget is negative");
            pools.add(pool(null, hospitals, total, steps));
        }
        steps.add(0, new CasePaymentStep("pools", rules.separatePointValues()
                ? "employees' and residents' cases have separate budgets and point values"
                : "employees' and residents' cases share one budget and one point value",
                List.of(rules.separatePointValuesCited())));
        return new DipYearEnd(pools, steps);
    }

    /** The final of {@code hospital} under {@code scheme}, or null. */
    public DipHospitalFinal of(String hospital, Scheme scheme) {
        for (DipPool p : pools) {
            for (DipHospitalFinal f : p.hospitals()) if (f.hospital().equals(hospital) && f.scheme() == scheme) return f;
        }
        return null;
    }

    private static long budget(Map<Scheme, Long> budgetFen, Scheme s) {
        Long b = budgetFen.get(s);
        if (b == null) throw DipHospitalYear.invalid("budget." + s.key, "the " + s.key + " DIP budget is missing");
        if (b < 0) throw DipHospitalYear.invalid("budget." + s.key, b + " fen is negative");
        return b;
    }

    private static DipPool pool(Scheme scheme, List<DipHospitalYear> in, long budget, List<CasePaymentStep> steps) {
        List<DipHospitalYear> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparing(DipHospitalYear::hospital).thenComparing(DipHospitalYear::scheme));
        long points = 0;
        long patients = 0;
        for (DipHospitalYear h : sorted) {
            points = Math.addExact(points, h.pointsPpm());
            patients = Math.addExact(patients, h.patientShareFen());
        }
        String name = scheme == null ? "all schemes" : scheme.key;
        if (points == 0) {
            throw DipHospitalYear.invalid("points", "the " + name + " pool has no points to share its budget "
                    + format(budget) + " among");
        }
        long distributable = budget + patients;
        long value;
        try {
            value = Points.mulDiv(distributable, (long) Money.PPM * Money.PPM, points);
        } catch (ArithmeticException e) {
            throw DipHospitalYear.invalid("points", "the " + name + " pool's " + Points.format(points)
                    + " points are too few to value: a point would be worth more than a long holds");
        }
        long[] finals = LargestRemainder.share(distributable, sorted.stream().map(DipHospitalYear::pointsPpm).toList());
        List<DipHospitalFinal> out = new ArrayList<>();
        for (int i = 0; i < finals.length; i++) {
            DipHospitalYear h = sorted.get(i);
            long due = finals[i] - h.patientShareFen();
            out.add(new DipHospitalFinal(h.hospital(), h.scheme(), h.pointsPpm(), finals[i], h.patientShareFen(), due,
                    h.advancedFen(), due - h.advancedFen()));
        }
        steps.add(new CasePaymentStep("point value (" + name + ")", "budget " + format(budget) + " + patients' share "
                + format(patients) + " = " + format(distributable) + " distributable; ÷ " + Points.format(points)
                + " points = " + Points.format(value) + " fen a point; each hospital's final is its points × the point"
                + " value, the fen left by rounding going to the largest remainders", List.of()));
        assert out.stream().mapToLong(DipHospitalFinal::finalFen).sum() == distributable;
        return new DipPool(scheme, budget, patients, distributable, points, value, out);
    }
}
