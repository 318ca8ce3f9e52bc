package org.openyibao.engine.insurer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The insurer's year under its contract, in fen ({@link InsurerYearEnd}). The result before the corridor is the premium
 * less the claims (and the administration cost when the contract counts it); the result after it adds what the fund
 * compensates and takes away what returns to the fund and the reserve the fund keeps. Money is conserved:
 * {@code premium = claims + counted administration cost + result after + returned + reserve kept − compensated}.
 *
 * @param instalmentsFen the monthly transfers of the premium less the withheld reserve, month 1 first
 * @param policyChangeCompensationFen what the fund pays for the loss a policy change caused (before the corridor)
 * @param corridorCompensationFen what the fund pays for the loss beyond the corridor
 * @param returnedFen the profit above the corridor returned to the fund
 */
public record YearEnd(long premiumFen, long claimsFen, long administrationCostFen, long resultBeforeFen,
                      long policyChangeCompensationFen, long profitCorridorFen, long lossCorridorFen, long returnedFen,
                      long corridorCompensationFen, long reserveWithheldFen, long reserveRefundedFen, long reserveKeptFen,
                      long resultAfterFen, List<Long> instalmentsFen, List<YearEndStep> steps) {
    public YearEnd {
        instalmentsFen = List.copyOf(instalmentsFen);
        steps = List.copyOf(steps);
    }

    /** Everything the fund pays the insurer beyond the premium: the policy-change and the corridor compensation. */
    public long compensatedFen() {
        return policyChangeCompensationFen + corridorCompensationFen;
    }

    /** Everything that goes back to the fund: the profit above the corridor and a reserve not refunded. */
    public long toFundFen() {
        return returnedFen + reserveKeptFen;
    }

    /** The sum of the monthly transfers (the premium less the withheld reserve). */
    public long transferredFen() {
        return instalmentsFen.stream().mapToLong(Long::longValue).sum();
    }

    /** Claims paid ÷ premium, 4 decimals half-up; null without a premium. A ratio, not money. */
    public BigDecimal lossRatio() {
        if (premiumFen == 0) return null;
        return BigDecimal.valueOf(claimsFen).divide(BigDecimal.valueOf(premiumFen), 4, RoundingMode.HALF_UP);
    }
}
