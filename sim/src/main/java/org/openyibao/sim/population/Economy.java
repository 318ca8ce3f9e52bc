package org.openyibao.sim.population;

import java.util.SplittableRandom;

import org.openyibao.engine.policy.Category;
import org.openyibao.sim.population.Region.District;

/**
 * Household income, consumption and food (seed 003 L1543 Table 4-1, Zhanjiang 2018 per capita: income
 * 21,426.90, spending 15,302.70, food 6,473.10 yuan) and the poverty categories. The means are exact in
 * expectation: the scale constants are solved from the lognormal moments below.
 */
final class Economy {
    /** DECISION: per-capita income lognormal, σ = 0.6 within a registration group. */
    static final double SIGMA = 0.6;
    /** DECISION: non-agricultural households earn twice what agricultural ones do (Guangdong's urban-rural ratio ≈ 2.6, narrowed for one city). */
    static final double URBAN_FACTOR = 2.0;
    /** DECISION: spending ∝ income^0.7 (the consumption share falls with income), spread σ = 0.25. */
    static final double SPENDING_ELASTICITY = 0.7, SPENDING_SIGMA = 0.25;
    /** DECISION: food ∝ spending^0.75 (Engel: the food share falls as spending rises), spread σ = 0.15. */
    static final double FOOD_ELASTICITY = 0.75, FOOD_SIGMA = 0.15;
    /**
     * DECISION: agricultural share of households by district kind, so that the region's share is 63.03%
     * (seed 003 L1001): 30% in the five urban districts, the rest solved for the counties.
     */
    static final double URBAN_AGRICULTURAL = 0.30;
    /**
     * DECISION: poverty categories by household, more likely the poorer the household (a latent score
     * correlated 0.8 with the income draw): cumulative shares dire poverty / + documented poor /
     * + subsistence allowance, agricultural 0.6% / 3.6% / 6.6%, non-agricultural 0.2% / 0.7% / 2.7%.
     */
    static final double[][] POVERTY_Z = {{-2.512, -1.799, -1.506}, {-2.878, -2.457, -1.927}};

    final double[] agriculturalShare = new double[2]; // [county, urban district]
    private final double incomeAgri, incomeUrban, spendingScale, foodScale;

    /** {@code incomeScore}: the household's standard-normal income draw within its registration group. */
    record Budget(long incomeFen, long spendingFen, long foodFen, Category category, double incomeScore) {}

    Economy(Region region) {
        long urban = 0, all = 0;
        for (District d : region.districts()) {
            all += d.registered();
            if (d.urban()) urban += d.registered();
        }
        double a = region.targets().agricultural() / 100;
        double u = (double) urban / all;
        agriculturalShare[1] = URBAN_AGRICULTURAL;
        agriculturalShare[0] = (a - u * URBAN_AGRICULTURAL) / (1 - u);
        // mean income per capita: a·m + (1 − a)·2m = target
        incomeAgri = region.targets().income() / (a + (1 - a) * URBAN_FACTOR);
        incomeUrban = incomeAgri * URBAN_FACTOR;
        // E[I^p] for the two-group lognormal with E[I] = m: Σ w·m^p·exp(p(p−1)σ²/2)
        double eSp = a * powerMean(incomeAgri, SPENDING_ELASTICITY) + (1 - a) * powerMean(incomeUrban, SPENDING_ELASTICITY);
        spendingScale = region.targets().spending() / eSp;
        double pf = SPENDING_ELASTICITY * FOOD_ELASTICITY;
        double eFood = Math.pow(spendingScale, FOOD_ELASTICITY)
                * (a * powerMean(incomeAgri, pf) + (1 - a) * powerMean(incomeUrban, pf))
                * Math.exp(FOOD_ELASTICITY * (FOOD_ELASTICITY - 1) * SPENDING_SIGMA * SPENDING_SIGMA / 2);
        foodScale = region.targets().food() / eFood;
    }

    private static double powerMean(double m, double p) {
        return Math.pow(m, p) * Math.exp(p * (p - 1) * SIGMA * SIGMA / 2);
    }

    Budget budget(SplittableRandom r, boolean agricultural, int size) {
        double z = r.nextGaussian();
        double income = (agricultural ? incomeAgri : incomeUrban) * Math.exp(SIGMA * z - SIGMA * SIGMA / 2);
        double spending = spendingScale * Math.pow(income, SPENDING_ELASTICITY)
                * Math.exp(SPENDING_SIGMA * r.nextGaussian() - SPENDING_SIGMA * SPENDING_SIGMA / 2);
        double food = foodScale * Math.pow(spending, FOOD_ELASTICITY)
                * Math.exp(FOOD_SIGMA * r.nextGaussian() - FOOD_SIGMA * FOOD_SIGMA / 2);
        food = Math.min(food, 0.9 * spending);
        double score = 0.8 * z + 0.6 * r.nextGaussian();
        double[] t = POVERTY_Z[agricultural ? 0 : 1];
        Category c = score < t[0] ? Category.DIRE_POVERTY : score < t[1] ? Category.DOCUMENTED_POOR
                : score < t[2] ? Category.SUBSISTENCE_ALLOWANCE : Category.GENERAL;
        return new Budget(fen(income * size), fen(spending * size), fen(food * size), c, z);
    }

    /** Yuan (a sampled double) to fen, rounded half-up once. */
    static long fen(double yuan) {
        return Math.round(yuan * 100);
    }

    /** A lognormal draw with the given mean and log-spread σ. */
    static double lognormal(SplittableRandom r, double mean, double sigma) {
        return mean * Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2);
    }
}
