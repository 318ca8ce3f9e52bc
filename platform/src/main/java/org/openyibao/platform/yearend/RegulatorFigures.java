package org.openyibao.platform.yearend;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.openyibao.engine.insurer.YearEnd;

/**
 * The figures a regulator asks of a serious-illness insurer for the year (docs/insurer.md#regulator-figures): premium,
 * claims paid, loss ratio (claims ÷ premium), administration cost ratio (administration cost ÷ premium), profit rate
 * (the insurer's result after the corridor ÷ premium), beneficiaries (persons with a serious-illness payment in the
 * year) and the average benefit per beneficiary (claims ÷ beneficiaries, half-up to the fen). Ratios to 4 decimals
 * half-up; null where the divisor is 0.
 */
public record RegulatorFigures(long premiumFen, long claimsFen, BigDecimal lossRatio, long administrationCostFen,
                               BigDecimal administrationCostRatio, long resultAfterFen, BigDecimal profitRate,
                               long beneficiaries, Long averageBenefitFen) {
    static RegulatorFigures of(YearEnd y, long beneficiaries) {
        long p = y.premiumFen();
        Long average = beneficiaries == 0 ? null
                : BigDecimal.valueOf(y.claimsFen()).divide(BigDecimal.valueOf(beneficiaries), 0, RoundingMode.HALF_UP).longValueExact();
        return new RegulatorFigures(p, y.claimsFen(), ratio(y.claimsFen(), p), y.administrationCostFen(),
                ratio(y.administrationCostFen(), p), y.resultAfterFen(), ratio(y.resultAfterFen(), p), beneficiaries, average);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        if (denominator == 0) return null;
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }
}
