package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /**
     * Ten households, two per quintile (per-capita incomes 1,000 … 10,000 yuan, so ids 1–2 are Q1,
     * 3–4 Q2 …). Δ = oop(run) − oop(baseline) in fen:
     * id 1 −500 gainer; id 2 +50 unchanged (within 1 yuan)      → Q1: 1 gainer (mean −5.00 yuan), 1 unchanged
     * id 3 −100 unchanged (exactly 1 yuan is not "more than"); id 4 +101 loser → Q2: 1 loser (+1.01)
     * id 5 +20,000 loser; id 6 +10,000 loser                    → Q3: 2 losers, mean +150.00 yuan
     * id 7 −30,000 gainer; id 8 −10,000 gainer                  → Q4: 2 gainers, mean −200.00 yuan
     * id 9, 10 0                                                → Q5: 2 unchanged
     * Total: 3 gainers Σ −40,500; 3 losers Σ +30,101; 4 unchanged; Σ Δ = −40,500 + 30,101 + 50 − 100 = −10,449.
     */
    @Test
    void gainersAndLosersByQuintile() {
        Households h = new Households();
        for (int k = 1; k <= 10; k++) Populations.add(h, k, 1, 1_000L * k, 10_000, 100);
        long[] base = new long[10];
        java.util.Arrays.fill(base, 50_000);
        long[] delta = {-500, 50, -100, 101, 20_000, 10_000, -30_000, -10_000, 0, 0};
        long[] run = new long[10];
        for (int i = 0; i < 10; i++) run[i] = base[i] + delta[i];

        FundTotals before = FundTotals.of(new FundFlow(1_000_00, 800_00), new FundFlow(2_000_00, 1_500_00),
                new FundFlow(300_00, 200_00), new FundFlow(100_00, 100_00));
        FundTotals after = FundTotals.of(new FundFlow(1_000_00, 800_00), new FundFlow(2_000_00, 1_500_00),
                new FundFlow(300_00, 350_00), new FundFlow(100_00, 90_00));
        Comparison c = Evaluation.compare("baseline", "si-100", h, base, run, before, after);

        Comparison.GainLoss q1 = c.byQuintile().get(0);
        assertThat(q1.gainers()).isEqualTo(1);
        assertThat(q1.gainersChangeFen()).isEqualTo(-500);
        assertThat(Format.yuan(q1.gainersMeanChangeFen())).isEqualTo("-5.00");
        assertThat(q1.losers()).isZero();
        assertThat(q1.unchanged()).isEqualTo(1);
        Comparison.GainLoss q2 = c.byQuintile().get(1);
        assertThat(q2.gainers()).isZero();
        assertThat(q2.losers()).isEqualTo(1);
        assertThat(q2.unchanged()).isEqualTo(1);
        assertThat(Format.yuan(q2.losersMeanChangeFen())).isEqualTo("1.01");
        Comparison.GainLoss q3 = c.byQuintile().get(2);
        assertThat(q3.losers()).isEqualTo(2);
        assertThat(Format.yuan(q3.losersMeanChangeFen())).isEqualTo("150.00");
        Comparison.GainLoss q4 = c.byQuintile().get(3);
        assertThat(q4.gainers()).isEqualTo(2);
        assertThat(Format.yuan(q4.gainersMeanChangeFen())).isEqualTo("-200.00");
        assertThat(c.byQuintile().get(4).unchanged()).isEqualTo(2);

        assertThat(c.total()).isEqualTo(new Comparison.GainLoss("total", 10, 3, -40_500, 3, 30_101, 4, -10_449));

        // cost to each fund: serious illness pays 150 yuan more, assistance 10 yuan less
        assertThat(c.funds()).extracting(Comparison.FundChange::fund)
                .containsExactly("resident_pooling", "employee_pooling", "serious_illness", "assistance");
        assertThat(c.funds().get(2).expenditureChangeFen()).isEqualTo(150_00);
        assertThat(c.funds().get(2).balanceChangeFen()).isEqualTo(-150_00);
        assertThat(c.funds().get(3).expenditureChangeFen()).isEqualTo(-10_00);
        assertThat(c.funds().get(0).incomeChangeFen()).isZero();
    }

    @Test
    void aFurtherRunReusesTheBaselineRanking() {
        Households a = Populations.six(), b = Populations.six();
        assertThat(b.useRankingOf(a).ranking()).isSameAs(a.ranking());
        Households other = new Households();
        Populations.add(other, 1, 1, 1, 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.useRankingOf(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsOfAnotherPopulationAreRefused() {
        Households a = Populations.six(), b = new Households();
        Populations.add(b, 1, 1, 1, 1, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Evaluation.evaluate(List.of(
                new RunInput("baseline", a, null, null), new RunInput("si-50", b, null, null))))
                .hasMessageContaining("si-50");
    }
}
