package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cost per household kept out of catastrophic spending, by hand on the six households of {@link Populations#six()}
 * (non-food spending 10,000 yuan each; id 7 is left out).
 *
 * <pre>
 * OOP (yuan) and share      id 1          id 2          id 3          id 4         id 5         id 6
 * baseline                  5,000 0.50    3,500 0.35    2,500 0.25    2,000 0.20   1,000 0.10   4,500 0.45
 * reform                    3,500 0.35    2,900 0.29    1,500 0.15    2,000 0.20   1,000 0.10   3,800 0.38
 * CHE households            z = 20%: baseline 1,2,3,6 = 4, reform 1,2,6 = 3  → kept out 1
 *                           z = 30%: baseline 1,2,6   = 3, reform 1,6   = 2  → kept out 1
 *                           z = 40%: baseline 1,6     = 2, reform none  = 0  → kept out 2
 * funds (yuan)              serious illness: income 1,000,000 both, expenditure 900,000 → 903,000:
 *                                            Δ expenditure +3,000, Δ balance −3,000, net cost 3,000
 *                           assistance (budget-funded, income = expenditure): 300,000 → 301,000:
 *                                            Δ expenditure +1,000, Δ balance 0, net cost (the budget's) 1,000
 *                           residents' pooling: unchanged
 *                           all funds: Δ expenditure 4,000, net cost 4,000
 * per household kept out    z = 20%, 30%: 4,000 / 1 = 4,000.00;  z = 40%: 4,000 / 2 = 2,000.00
 *                           (serious illness alone at 40%: 3,000 / 2 = 1,500.00; assistance 1,000 / 2 = 500.00)
 * </pre>
 * A second reform raises id 5's OOP from 1,000 to 1,500 (0.15, under every threshold) at a cost of 500 yuan to serious
 * illness: nobody is kept out, the cost per household is not defined.
 */
class CostEffectivenessTest {

    private static final long[] REFORM_OOP_YUAN = {3_500, 2_900, 1_500, 2_000, 1_000, 3_800, 900};
    private static final long[] REFORM_SI_YUAN = {1_500, 600, 1_000, 0, 0, 700, 0};

    private static RunInput run(String label, long[] oopYuan, long[] siYuan, long siExpenditureYuan, long assistanceYuan) {
        Households six = Populations.six(), h = new Households();
        for (int i = 0; i < six.count(); i++)
            h.add(six.householdId(i), six.size(i), six.incomeFen(i), six.spendingFen(i), six.foodFen(i), six.medfeeFen(i), 0,
                    siYuan[i] * 100, 0, 0, oopYuan[i] * 100, 0);
        FundTotals f = new FundTotals(Map.of(
                FundTotals.RESIDENT_POOLING, new FundFlow(5_000_000_00L, 4_000_000_00L),
                FundTotals.SERIOUS_ILLNESS, new FundFlow(1_000_000_00L, siExpenditureYuan * 100),
                FundTotals.ASSISTANCE, new FundFlow(assistanceYuan * 100, assistanceYuan * 100)));
        return new RunInput(label, h, null, new FundTotals(new java.util.LinkedHashMap<>(f.funds())));
    }

    private static RunInput baseline() {
        long[] oop = new long[7];
        Households six = Populations.six();
        for (int i = 0; i < 7; i++) oop[i] = six.oopFen(i) / 100;
        return run("baseline", oop, new long[7], 900_000, 300_000);
    }

    private static RunInput reform() {
        return run("reform", REFORM_OOP_YUAN, REFORM_SI_YUAN, 903_000, 301_000);
    }

    private static CostEffectiveness.FundCost fund(CostEffectiveness c, String fund) {
        return c.funds().stream().filter(f -> f.fund().equals(fund)).findFirst().orElseThrow();
    }

    @Test
    void costPerHouseholdKeptOutByHand() {
        EvaluationResult r = Evaluation.evaluate(List.of(baseline(), reform()), new Evaluation.Options(0, 1, 1));
        List<CostEffectiveness> ce = r.costEffectiveness();
        assertThat(ce).extracting(CostEffectiveness::thresholdPercent).containsExactly(20, 30, 40);
        assertThat(ce).extracting(CostEffectiveness::keptOut).containsExactly(1L, 1L, 2L);
        assertThat(ce.get(2).baselineCatastrophic()).isEqualTo(2);
        assertThat(ce.get(2).runCatastrophic()).isZero();

        CostEffectiveness z40 = ce.get(2);
        CostEffectiveness.FundCost si = fund(z40, FundTotals.SERIOUS_ILLNESS);
        assertThat(si.expenditureChangeFen()).isEqualTo(3_000_00);
        assertThat(si.balanceChangeFen()).isEqualTo(-3_000_00);
        assertThat(si.netCostFen()).isEqualTo(3_000_00);
        assertThat(si.netCostPerKeptOutFen()).isEqualTo(1_500_00);
        CostEffectiveness.FundCost ma = fund(z40, FundTotals.ASSISTANCE);
        assertThat(ma.balanceChangeFen()).isZero();
        assertThat(ma.netCostFen()).isEqualTo(1_000_00);           // budget-funded: its Δ expenditure
        assertThat(ma.netCostPerKeptOutFen()).isEqualTo(500_00);
        CostEffectiveness.FundCost all = fund(z40, CostEffectiveness.ALL);
        assertThat(all.expenditureChangeFen()).isEqualTo(4_000_00);
        assertThat(all.netCostFen()).isEqualTo(4_000_00);
        assertThat(all.netCostPerKeptOutFen()).isEqualTo(2_000_00);
        assertThat(all.expenditurePerKeptOutFen()).isEqualTo(2_000_00);
        assertThat(fund(ce.get(0), CostEffectiveness.ALL).netCostPerKeptOutFen()).isEqualTo(4_000_00);
        assertThat(fund(ce.get(0), FundTotals.RESIDENT_POOLING).netCostFen()).isZero();
        // without bootstrap: no interval
        assertThat(all.netCostPerKeptOut()).isNull();
        assertThat(z40.keptOutInterval()).isNull();
    }

    @Test
    void notDefinedWhenNoHouseholdIsKeptOut() throws Exception {
        long[] oop = {5_000, 3_500, 2_500, 2_000, 1_500, 4_500, 900};
        long[] si = {0, 0, 0, 0, 500, 0, 0};
        EvaluationResult r = Evaluation.evaluate(List.of(baseline(), run("dearer", oop, si, 900_500, 300_000)),
                new Evaluation.Options(0, 1, 1));
        for (CostEffectiveness c : r.costEffectiveness()) {
            assertThat(c.keptOut()).isZero();
            CostEffectiveness.FundCost x = fund(c, FundTotals.SERIOUS_ILLNESS);
            assertThat(x.netCostFen()).isEqualTo(500_00);
            assertThat(x.netCostPerKeptOutFen()).isNaN();
        }
        // nor an interval of it
        EvaluationResult b = Evaluation.evaluate(List.of(baseline(), run("dearer", oop, si, 900_500, 300_000)),
                new Evaluation.Options(50, 1, 1));
        assertThat(fund(b.costEffectiveness().get(0), FundTotals.SERIOUS_ILLNESS).netCostPerKeptOut()).isNull();
        String en = Evaluation.reportBody(r, java.util.Locale.ENGLISH);
        assertThat(en).contains("not defined (no household kept out)");
    }

    @Test
    void bootstrapIntervalOfTheCostPerHousehold() {
        EvaluationResult r = Evaluation.evaluate(List.of(baseline(), reform()), new Evaluation.Options(200, 5, 2));
        CostEffectiveness z40 = r.costEffectiveness().get(2);
        Interval kept = z40.keptOutInterval();
        // a replicate keeps out the drawn copies of ids 1 and 6: between 0 and 2 · 7 households, 2 on the average
        assertThat(kept.low()).isGreaterThanOrEqualTo(0);
        assertThat(kept.high()).isLessThanOrEqualTo(14);
        Interval perKept = fund(z40, FundTotals.SERIOUS_ILLNESS).netCostPerKeptOut();
        assertThat(perKept.replicates()).isEqualTo(200);
        // funds not in the household table (the residents' pooling fund alone) have no interval
        assertThat(fund(z40, FundTotals.RESIDENT_POOLING).netCostPerKeptOut()).isNull();
        assertThat(CostEffectiveness.perHousehold(300, 0)).isInfinite().isPositive();
        assertThat(CostEffectiveness.perHousehold(0, 0)).isNaN();
        assertThat(CostEffectiveness.perHousehold(300, 2)).isEqualTo(150);
    }
}
