package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** A population of 2,000 households with a spread of shares, the second scenario with 20% lower OOP. */
    private static Households population() {
        Households h = new Households();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            long nonFood = 500_000 + r.nextLong(2_000_000), oop = r.nextInt(10) < 2 ? r.nextLong(1_500_000) : r.nextLong(50_000);
            h.add(i + 1, 1 + r.nextInt(5), r.nextLong(10_000_000), 1_000_000 + nonFood, 1_000_000, oop * 2, oop, oop / 4, 0, 0, oop, 0);
        }
        return h;
    }

    @Test
    void theSameReplicatesWhateverTheThreadCount() throws Exception {
        Households h = population();
        long[] oop = h.oopColumn(), less = new long[oop.length];
        for (int i = 0; i < oop.length; i++) less[i] = oop[i] * 8 / 10;
        Bootstrap b = new Bootstrap(h, List.of(oop, less), List.of(h), Indicators.THRESHOLDS);
        Bootstrap.Replicate[] one = b.run(40, 99, 1), three = b.run(40, 99, 3);
        for (int k = 0; k < 40; k++) {
            assertThat(three[k].n()).isEqualTo(one[k].n());
            assertThat(three[k].catastrophic()).isDeepEqualTo(one[k].catastrophic());
            assertThat(three[k].concentration()).isDeepEqualTo(one[k].concentration());
            assertThat(three[k].payments()).isDeepEqualTo(one[k].payments());
        }
        // another seed draws other households
        assertThat(b.run(1, 100, 1)[0].catastrophic()).isNotEqualTo(one[0].catastrophic());
        // every replicate draws as many households as the population has
        for (Bootstrap.Replicate x : one) assertThat(x.n()).isEqualTo(h.count());
    }

    @Test
    void theIntervalCoversThePointEstimateAndTheDifferenceKeepsItsSign() throws Exception {
        Households h = population();
        long[] oop = h.oopColumn(), less = new long[oop.length];
        for (int i = 0; i < oop.length; i++) less[i] = oop[i] * 8 / 10;
        Bootstrap.Replicate[] reps = new Bootstrap(h, List.of(oop, less), List.of(h), Indicators.THRESHOLDS).run(200, 1, 2);
        Uncertainty u = Uncertainty.of(reps, 1, List.of("base", "less"), 0, List.of("base"), Indicators.THRESHOLDS,
                List.of(Evaluation.payments(h)));
        CheIndicators point = Indicators.compute(h, oop, Indicators.THRESHOLDS).get(0);
        Interval hc = u.scenarios().get("base").get(0).headcount();
        assertThat(hc.low()).isLessThanOrEqualTo(point.headcount());
        assertThat(hc.high()).isGreaterThanOrEqualTo(point.headcount());
        assertThat(hc.defined()).isEqualTo(200);
        // paired: 20% less OOP for every household lowers the headcount in every replicate
        Interval d = u.differences().get("less").get(0).headcount();
        assertThat(d.high()).isNegative();
        assertThat(d.containsZero()).isFalse();
    }

    /** 200 replicates 1 … 200: k = ⌊0.025 · 200⌋ = 5 left out at each end, the interval is [6, 195]. */
    @Test
    void percentileIntervalLeavesOutTwoAndAHalfPercentAtEachEnd() {
        double[] v = new double[200];
        for (int i = 0; i < 200; i++) v[i] = 200 - i;        // any order
        Interval i = Interval.of(v);
        assertThat(i.low()).isEqualTo(6);
        assertThat(i.high()).isEqualTo(195);
        assertThat(i.containsZero()).isFalse();
        // undefined replicates (NaN) are left out: 39 defined values → k = 0, the whole range
        double[] w = new double[40];
        for (int k = 0; k < 40; k++) w[k] = k == 0 ? Double.NaN : k - 20;
        Interval j = Interval.of(w);
        assertThat(j.defined()).isEqualTo(39);
        assertThat(j.low()).isEqualTo(-19);
        assertThat(j.high()).isEqualTo(19);
        assertThat(j.containsZero()).isTrue();
        assertThat(Interval.of(new double[] {Double.NaN}).known()).isFalse();
    }

    @Test
    void noReplicateNoInterval() throws Exception {
        Households h = population();
        assertThat(new Bootstrap(h, List.of(h.oopColumn()), List.of(h), Indicators.THRESHOLDS).run(0, 1, 2)).isEmpty();
        EvaluationResult r = Evaluation.evaluate(List.of(new RunInput("baseline", h, null, null)), new Evaluation.Options(0, 1, 1));
        assertThat(r.uncertainty().replicates()).isZero();
        assertThat(r.uncertainty().scenarios()).isEmpty();
        assertThat(new ArrayList<>(r.costEffectiveness())).isEmpty();
    }
}
