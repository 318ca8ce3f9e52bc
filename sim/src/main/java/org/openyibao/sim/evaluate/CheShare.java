package org.openyibao.sim.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The household's medical-spending share, exactly (REFERENCE §8: share = OOP / non-food spending).
 * Shares are ratios of two {@code long} amounts in fen; they are compared without division.
 */
public final class CheShare {

    private CheShare() {
    }

    /**
     * Catastrophic at threshold z (in percent): {@code oop / nonFood > z / 100}, i.e.
     * {@code oop · 100 > z · nonFood} in exact integer arithmetic (REFERENCE §8, seed 003 L1481:
     * strictly "higher than" the standard). {@code nonFood} must be positive.
     */
    public static boolean catastrophic(long oopFen, long nonFoodFen, int thresholdPercent) {
        if (nonFoodFen <= 0) throw new IllegalArgumentException("non-food spending " + nonFoodFen + " ≤ 0: share undefined");
        return Math.multiplyExact(oopFen, 100L) > Math.multiplyExact((long) thresholdPercent, nonFoodFen);
    }

    /**
     * Medical spending before the insurance paid, as seed 003 rebuilds it for Table 4-1: the
     * out-of-pocket amount divided by (1 − average reimbursement ratio), 70% assumed
     * (seed 003 L1537–L1539, REFERENCE §8: "before compensation = OOP / 0.3"). Rounded half up to
     * the fen: 1,015.80 yuan at 70% → 3,386.00 yuan (seed 003 L1546).
     */
    public static long beforeCompensationFen(long oopFen, int reimbursementPercent) {
        if (reimbursementPercent < 0 || reimbursementPercent >= 100)
            throw new IllegalArgumentException("reimbursement " + reimbursementPercent + "% not in [0, 100)");
        return BigDecimal.valueOf(oopFen).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(100 - reimbursementPercent), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code numerator / denominator} in percent, rounded half up to {@code scale} decimals, exactly. */
    public static BigDecimal percent(long numerator, long denominator, int scale) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
}
