package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

    private static final org.assertj.core.data.Offset<Double> EPS = within(1e-12);

    @Test
    void rankIsByPerCapitaIncomeTiesBySmallerId() {
        Households h = Populations.six();
        IncomeRanking r = h.ranking();
        assertThat(r.ranked()).isEqualTo(6);
        // rows 0..5 are ids 1..6; row 6 (id 7) is left out of the ranks
        assertThat(new int[] {r.rank(0), r.rank(1), r.rank(2), r.rank(3), r.rank(4), r.rank(5), r.rank(6)})
                .containsExactly(1, 2, 3, 4, 5, 6, 0);
        // quintiles over all 7 households by position p (id 7 is the poorest, 8,000): q = p·5/7
        // p: id7 0, id1 1, id2 2, id3 3, id4 4, id5 5, id6 6 → q 0, 0, 1, 2, 2, 3, 4
        assertThat(new int[] {r.quintile(6), r.quintile(0), r.quintile(1), r.quintile(2), r.quintile(3), r.quintile(4), r.quintile(5)})
                .containsExactly(0, 0, 1, 2, 2, 3, 4);
    }

    /**
     * N = 6 (id 7 left out), shares 0.50, 0.35, 0.25, 0.20, 0.10, 0.45 for r = 1 … 6.
     * z = 20%: catastrophic r 1, 2, 3, 6 (0.20 is not above 0.20): H = 4/6;
     *   gaps .30 + .15 + .05 + .25 = .75: G = .75/6 = .125, MPO = .75/4 = .1875;
     *   S = Σ (N + 1 − r) E = 6 + 5 + 4 + 1 = 16, C = 1 − 2·16/(6·4) = −1/3.
     * z = 30%: r 1, 2, 6: H = 3/6; gaps .20 + .05 + .15 = .40: G = .40/6, MPO = .40/3;
     *   S = 6 + 5 + 1 = 12, C = 1 − 24/18 = −1/3.
     * z = 40%: r 1, 6: H = 2/6; gaps .10 + .05 = .15: G = .025, MPO = .075;
     *   S = 6 + 1 = 7, C = 1 − 14/12 = −1/6.
     */
    @Test
    void handPopulation() {
        Households h = Populations.six();
        List<CheIndicators> r = Indicators.compute(h, h.oopColumn(), Indicators.THRESHOLDS);

        CheIndicators z20 = r.get(0);
        assertThat(z20.thresholdPercent()).isEqualTo(20);
        assertThat(z20.households()).isEqualTo(6);
        assertThat(z20.excluded()).isEqualTo(1);
        assertThat(z20.catastrophic()).isEqualTo(4);
        assertThat(z20.headcount()).isCloseTo(4.0 / 6, EPS);
        assertThat(z20.averageGap()).isCloseTo(0.125, EPS);
        assertThat(z20.meanPositiveGap()).isCloseTo(0.1875, EPS);
        assertThat(z20.concentrationIndex()).isCloseTo(-1.0 / 3, EPS);

        CheIndicators z30 = r.get(1);
        assertThat(z30.catastrophic()).isEqualTo(3);
        assertThat(z30.headcount()).isCloseTo(0.5, EPS);
        assertThat(z30.averageGap()).isCloseTo(0.40 / 6, EPS);
        assertThat(z30.meanPositiveGap()).isCloseTo(0.40 / 3, EPS);
        assertThat(z30.concentrationIndex()).isCloseTo(-1.0 / 3, EPS);

        CheIndicators z40 = r.get(2);
        assertThat(z40.catastrophic()).isEqualTo(2);
        assertThat(z40.headcount()).isCloseTo(2.0 / 6, EPS);
        assertThat(z40.averageGap()).isCloseTo(0.025, EPS);
        assertThat(z40.meanPositiveGap()).isCloseTo(0.075, EPS);
        assertThat(z40.concentrationIndex()).isCloseTo(-1.0 / 6, EPS);
    }

    /** Nobody catastrophic: H = G = 0, MPO and C undefined (no household to average over). */
    @Test
    void noCatastrophicHousehold() {
        Households h = Populations.six();
        CheIndicators z = Indicators.compute(h, new long[h.count()], 20).get(0);
        assertThat(z.catastrophic()).isZero();
        assertThat(z.headcount()).isZero();
        assertThat(z.averageGap()).isZero();
        assertThat(z.meanPositiveGap()).isNaN();
        assertThat(z.concentrationIndex()).isNaN();
    }

    /**
     * Sign convention (seed 003 L1519, L1617): negative = CHE concentrated among the poor.
     * N = 4, non-food 10,000 yuan each, per-capita incomes 1,000 < 2,000 < 3,000 < 4,000.
     * Only the poorest (r 1) catastrophic: S = N + 1 − 1 = 4, C = 1 − 2·4/(4·1) = −1.
     * Only the richest (r 4): S = 1, C = 1 − 2/4 = +0.5.
     * Everybody: S = 4 + 3 + 2 + 1 = 10, C = 1 − 20/16 = −0.25 = −1/N (the discrete formula's offset).
     */
    @Test
    void concentrationIndexSignFollowsTheSeed() {
        Households h = new Households();
        for (int k = 1; k <= 4; k++) Populations.add(h, k, 1, 1_000L * k, 10_000, 0);
        long poor = 5_000_00, none = 0;
        assertThat(Indicators.compute(h, new long[] {poor, none, none, none}, 20).get(0).concentrationIndex()).isCloseTo(-1.0, EPS);
        assertThat(Indicators.compute(h, new long[] {none, none, none, poor}, 20).get(0).concentrationIndex()).isCloseTo(0.5, EPS);
        assertThat(Indicators.compute(h, new long[] {poor, poor, poor, poor}, 20).get(0).concentrationIndex()).isCloseTo(-0.25, EPS);
        // the poorer half catastrophic: S = 4 + 3 = 7, C = 1 − 14/8 = −0.75 (< 0); the richer half: S = 3, C = 1 − 6/8 = 0.25
        assertThat(Indicators.compute(h, new long[] {poor, poor, none, none}, 20).get(0).concentrationIndex()).isCloseTo(-0.75, EPS);
        assertThat(Indicators.compute(h, new long[] {none, none, poor, poor}, 20).get(0).concentrationIndex()).isCloseTo(0.25, EPS);
    }

    @Test
    void concentrationIndexFromCounts() {
        // C = 1 − 2S/(N · N_cat)
        assertThat(Indicators.concentrationIndex(6, 4, 16)).isCloseTo(-1.0 / 3, EPS);
        assertThat(Indicators.concentrationIndex(6, 0, 0)).isNaN();
    }
}
