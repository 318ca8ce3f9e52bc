package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Parameter;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The warning bands of a fund's reserve in months of expenditure (可支付月数), as the policy pack says on a date
 * ({@code fund.reserve.months.*}): below {@code riskBelow} a risk warning, below {@code lowBelow} under the reasonable
 * range, above {@code highAbove} over it, above {@code excessAbove} too much. The pack's source is kept for the page.
 */
public record ReserveBands(int riskBelow, int lowBelow, int highAbove, int excessAbove, LocalDate since, String source) {
    static final String PREFIX = "fund.reserve.months.";

    /** Where a reserve of {@code months} falls; the message key's last word ({@code dashboard.band.risk}…). */
    public enum Band { RISK, LOW, REASONABLE, HIGH, EXCESS, NO_SPENDING;
        public String key() {
            return "dashboard.band." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The pack's bands in force on {@code date}, or null when the pack gives none then. */
    public static ReserveBands of(PolicyPack pack, LocalDate date) {
        Dated risk = at(pack, "risk_below", date), low = at(pack, "low_below", date);
        Dated high = at(pack, "high_above", date), excess = at(pack, "excess_above", date);
        if (risk == null || low == null || high == null || excess == null) return null;
        return new ReserveBands((Integer) risk.value(), (Integer) low.value(), (Integer) high.value(), (Integer) excess.value(),
                risk.from(), risk.source());
    }

    private static Dated at(PolicyPack pack, String name, LocalDate date) {
        Parameter p = pack.parameters().get(PREFIX + name);
        Dated d = p == null ? null : p.at(date);
        return d == null || d.value() == null ? null : d;
    }

    /**
     * The band of a balance against the average monthly expenditure, compared exactly (balance against
     * months × expenditure, no rounded quotient): a reserve of exactly 6 months is reasonable, exactly 3 is low.
     */
    public Band band(BigDecimal balance, BigDecimal monthlyExpenditure) {
        if (monthlyExpenditure.signum() <= 0) return Band.NO_SPENDING;
        if (balance.compareTo(monthlyExpenditure.multiply(BigDecimal.valueOf(riskBelow))) < 0) return Band.RISK;
        if (balance.compareTo(monthlyExpenditure.multiply(BigDecimal.valueOf(lowBelow))) < 0) return Band.LOW;
        if (balance.compareTo(monthlyExpenditure.multiply(BigDecimal.valueOf(excessAbove))) > 0) return Band.EXCESS;
        if (balance.compareTo(monthlyExpenditure.multiply(BigDecimal.valueOf(highAbove))) > 0) return Band.HIGH;
        return Band.REASONABLE;
    }
}
