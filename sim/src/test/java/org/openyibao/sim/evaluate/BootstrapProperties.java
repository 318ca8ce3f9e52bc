package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The bootstrap's weighted indicators are the indicators of the resampled population: a household drawn w times
 * counts as w copies of itself, its copies side by side in the income ranking. Checked against {@link Indicators} on
 * the population built with those copies; with every weight 1 this is the point estimate.
 */
class BootstrapProperties {

    /** One household (non-food spending may be ≤ 0: left out) and how often a replicate drew it. */
    record Hh(int size, long incomeFen, long nonFoodFen, long oopFen, long basicFen, int weight) {
    }

    @Provide
    Arbitrary<Hh> household() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 6),
                // few distinct incomes: ties in per-capita income are common, broken by household id
                Arbitraries.longs().between(0, 6).map(x -> x * 1_000_000),
                Arbitraries.longs().between(-100_000, 3_000_000),
                Arbitraries.longs().between(0, 2_000_000),
                Arbitraries.longs().between(0, 500_000),
                Arbitraries.integers().between(0, 3)).as(Hh::new);
    }

    @Property(tries = 300)
    void aReplicateIsThePopulationWithItsDrawnCopies(@ForAll @Size(min = 1, max = 30) List<@From("household") Hh> hs) {
        Households h = population(hs, false);
        Households copies = population(hs, true);
        long[] oop = column(h, h::oopFen);
        Bootstrap b = new Bootstrap(h, List.of(oop), List.of(h), Indicators.THRESHOLDS);
        int[] weight = new int[h.count()];
        IncomeRanking ranking = h.ranking();
        for (int p = 0; p < h.count(); p++) weight[p] = hs.get(ranking.at(p)).weight();   // by income position
        Bootstrap.Replicate r = b.replicate(weight, new int[h.count()]);

        List<CheIndicators> expected = Indicators.compute(copies, column(copies, copies::oopFen), Indicators.THRESHOLDS);
        for (int k = 0; k < Indicators.THRESHOLDS.length; k++) {
            CheIndicators e = expected.get(k);
            assertThat(r.n()).isEqualTo(e.households());
            assertThat(r.catastrophic()[0][k]).isEqualTo(e.catastrophic());
            if (e.households() == 0) continue;
            close(r.headcount(0, k), e.headcount());
            close(r.averageGap(0, k), e.averageGap());
            if (e.catastrophic() == 0) {
                assertThat(r.meanPositiveGap(0, k)).isNaN();
                assertThat(r.concentrationIndex(0, k)).isNaN();
            } else {
                close(r.meanPositiveGap(0, k), e.meanPositiveGap());
                close(r.concentrationIndex(0, k), e.concentrationIndex());
            }
        }
        // the pooling funds' payments: Σ weight × basic_fen, exact
        assertThat(r.payments()[0][Bootstrap.Payments.POOLING.ordinal()])
                .isEqualTo(hs.stream().mapToLong(x -> x.weight() * x.basicFen()).sum());
    }

    @Property(tries = 100)
    void everyWeightOneGivesThePointEstimate(@ForAll @Size(min = 1, max = 30) List<@From("household") Hh> hs) {
        Households h = population(hs, false);
        long[] oop = column(h, h::oopFen);
        Bootstrap.Replicate r = new Bootstrap(h, List.of(oop), List.of(h), Indicators.THRESHOLDS)
                .replicate(ones(h.count()), new int[h.count()]);
        List<CheIndicators> point = Indicators.compute(h, oop, Indicators.THRESHOLDS);
        for (int k = 0; k < point.size(); k++) {
            assertThat(r.catastrophic()[0][k]).isEqualTo(point.get(k).catastrophic());
            if (point.get(k).catastrophic() > 0)
                close(r.concentrationIndex(0, k), point.get(k).concentrationIndex());
        }
    }

    /** Equal but for the order of the floating-point sums: 1e-12 relative. */
    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    static int[] ones(int n) {
        int[] w = new int[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** The households in id order; with {@code copies}, household i repeated weight(i) times (ids 10·i + c: side by side). */
    private static Households population(List<Hh> hs, boolean copies) {
        Households h = new Households();
        for (int i = 0; i < hs.size(); i++) {
            Hh x = hs.get(i);
            long food = 1_000_000;
            int times = copies ? x.weight() : 1;
            for (int c = 0; c < times; c++)
                h.add(10L * (i + 1) + c, x.size(), x.incomeFen(), food + x.nonFoodFen(), food, x.oopFen(), x.basicFen(), 0, 0, 0,
                        x.oopFen(), 0);
        }
        return h;
    }

    private static long[] column(Households h, java.util.function.IntToLongFunction f) {
        long[] out = new long[h.count()];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsLong(i);
        return out;
    }

}
