package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

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
 * More insurance never makes CHE worse: if every household's OOP is lower or equal, the headcount H
 * and the average gap G do not rise at any threshold (REFERENCE §8). The relative gap MPO and the
 * concentration index may move either way (seed 003 L1594: MPO 29.41% → 104.25% as SI was added).
 */
class ScenarioOrderProperties {

    /** One household: size, per-capita-ish income, non-food spending (may be ≤ 0), OOP, and a cut. */
    record Hh(int size, long incomeFen, long nonFoodFen, long oopFen, long cutFen) {
    }

    @Provide
    Arbitrary<Hh> household() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 8),
                Arbitraries.longs().between(0, 50_000_000),
                Arbitraries.longs().between(-100_000, 5_000_000),
                Arbitraries.longs().between(0, 3_000_000),
                Arbitraries.longs().between(0, 3_000_000)).as(Hh::new);
    }

    @Property(tries = 300)
    void moreInsuranceNeverRaisesHeadcountOrAverageGap(@ForAll @Size(min = 1, max = 40) List<@From("household") Hh> hs) {
        Households h = new Households();
        long[] less = new long[hs.size()], more = new long[hs.size()];
        for (int i = 0; i < hs.size(); i++) {
            Hh x = hs.get(i);
            long food = 1_000_000;
            h.add(i + 1, x.size(), x.incomeFen(), food + x.nonFoodFen(), food, x.oopFen(), 0, 0, 0, 0, x.oopFen(), 0);
            less[i] = x.oopFen();
            more[i] = Math.max(0, x.oopFen() - x.cutFen());   // more insurance: OOP lower or equal
        }
        List<CheIndicators> a = Indicators.compute(h, less, Indicators.THRESHOLDS);
        List<CheIndicators> b = Indicators.compute(h, more, Indicators.THRESHOLDS);
        for (int k = 0; k < Indicators.THRESHOLDS.length; k++) {
            assertThat(b.get(k).catastrophic()).isLessThanOrEqualTo(a.get(k).catastrophic());
            if (a.get(k).households() > 0) {
                assertThat(b.get(k).headcount()).isLessThanOrEqualTo(a.get(k).headcount());
                assertThat(b.get(k).averageGap()).isLessThanOrEqualTo(a.get(k).averageGap());
            }
        }
        // and a higher threshold never counts more households
        assertThat(a.get(1).catastrophic()).isLessThanOrEqualTo(a.get(0).catastrophic());
        assertThat(a.get(2).catastrophic()).isLessThanOrEqualTo(a.get(1).catastrophic());
    }

    /** The derived scenarios: no insurance ≥ basic only ≥ as run, for H and G at every threshold. */
    @Property(tries = 200)
    void derivedScenariosAreOrdered(@ForAll @Size(min = 1, max = 40) List<@From("household") Hh> hs) {
        Households h = new Households();
        for (int i = 0; i < hs.size(); i++) {
            Hh x = hs.get(i);
            long food = 1_000_000, oop = x.oopFen(), si = x.cutFen() / 2, assistance = x.cutFen() / 4, other = x.cutFen() / 8;
            long basic = x.cutFen();
            long medfee = oop + basic + si + assistance + other;   // every payer's part is in the medical fees
            h.add(i + 1, x.size(), x.incomeFen(), food + x.nonFoodFen(), food, medfee, basic, si, assistance, other, oop, 0);
        }
        EvaluationResult r = Evaluation.evaluate(List.of(new RunInput("baseline", h, null, null)));
        List<ScenarioResult> s = r.scenarios();
        assertThat(s).extracting(ScenarioResult::key).containsExactly("no-insurance", "basic-only", "baseline");
        for (int k = 0; k < Indicators.THRESHOLDS.length; k++)
            for (int j = 1; j < s.size(); j++) {
                CheIndicators worse = s.get(j - 1).indicators().get(k), better = s.get(j).indicators().get(k);
                assertThat(better.catastrophic()).isLessThanOrEqualTo(worse.catastrophic());
                if (worse.households() > 0) assertThat(better.averageGap()).isLessThanOrEqualTo(worse.averageGap());
            }
    }
}
