package org.openyibao.engine.casepay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Scheme;

/**
 * One DIP pool at the year-end: a scheme's (or, where the schemes share one, both schemes') budget, the patients'
 * share of the pool's cases, the amount distributable among all points, the point value, and each hospital's final.
 * The finals sum to {@code distributableFen} exactly and the funds' dues to {@code budgetFen}.
 *
 * @param scheme the pool's scheme, null when both schemes share one point value
 * @param pointValueMicroFen the value of one point, in millionths of a fen (exact to the millionth, half-up)
 */
public record DipPool(Scheme scheme, long budgetFen, long patientShareFen, long distributableFen, long pointsPpm,
                      long pointValueMicroFen, List<DipHospitalFinal> hospitals) {
    public DipPool {
        hospitals = List.copyOf(hospitals);
    }

    /** The point value in yuan per point, to six decimals of a fen: for reports. */
    public BigDecimal pointValueYuan() {
        return BigDecimal.valueOf(pointValueMicroFen, 6).divide(BigDecimal.valueOf(Money.FEN_PER_YUAN), 8, RoundingMode.UNNECESSARY)
                .stripTrailingZeros();
    }
}
