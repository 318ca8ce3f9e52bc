package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    /**
     * Twenty households ranked 1 … 20 by income, non-food 10,000 yuan each, OOP 100 · rank yuan: decile d holds ranks
     * 2d − 1 and 2d, its share (100(2d − 1) + 200d) / 20,000: decile 1 = 300 / 20,000 = 1.5%, decile 10 = 3,900 / 20,000
     * = 19.5%.
     */
    @Test
    void outOfPocketShareByIncomeDecile() {
        Households h = new Households();
        for (int r = 1; r <= 20; r++) Populations.add(h, r, 1, 1_000L * r, 10_000, 100L * r);
        Distribution.Deciles d = Distribution.deciles("baseline", h, h.oopColumn());
        assertThat(d.households()).containsOnly(2);
        assertThat(d.share(0)).isEqualTo(0.015);
        assertThat(d.share(9)).isEqualTo(0.195);
        assertThat(d.oopFen()[9]).isEqualTo(3_900_00);
    }

    /** On the six households: the reform takes id 3 (0.25 → 0.15) under 20% and pushes id 5 (0.10 → 0.21) over it. */
    @Test
    void householdsPushedOverAndBroughtUnder() {
        Households six = Populations.six();
        long[] base = six.oopColumn(), run = base.clone();
        run[2] = 1_500_00;
        run[4] = 2_100_00;
        List<Distribution.Crossing> c = Distribution.crossings("reform", "baseline", six, base, run);
        assertThat(c.get(0).thresholdPercent()).isEqualTo(20);
        assertThat(c.get(0).pushedOver()).isEqualTo(1);
        assertThat(c.get(0).broughtUnder()).isEqualTo(1);
        assertThat(c.get(1).pushedOver()).isZero();     // 0.21 is under 30%
        assertThat(c.get(1).broughtUnder()).isZero();   // 0.25 was under 30% already
    }

    /** Changes −1,000, −10, −0.50 (unchanged), +200 yuan: gainers' percentiles by nearest rank among {−1,000, −10}. */
    @Test
    void theSizeOfGainsAndLosses() {
        long[] base = {500_000, 500_000, 500_000, 500_000}, run = {400_000, 499_000, 499_950, 520_000};
        Distribution.ChangeAmounts a = Distribution.amounts("reform", base, run);
        // P10, P25, P50: ⌈p · 2⌉ = 1st → −1,000; P75, P90: 2nd → −10
        assertThat(a.gainersFen()).containsExactly(-100_000, -100_000, -100_000, -1_000, -1_000);
        assertThat(a.losersFen()).containsExactly(20_000, 20_000, 20_000, 20_000, 20_000);
        assertThat(Distribution.amounts("same", base, base).gainersFen()).isEmpty();
    }
}
