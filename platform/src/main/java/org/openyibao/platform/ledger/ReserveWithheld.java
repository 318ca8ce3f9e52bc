package org.openyibao.platform.ledger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;

/**
 * The reserve withheld: the contract's {@code reserve.withheld_share} of the premium is not paid to the insurer but
 * held by the fund until the year-end evaluation (Taicang's 5%, Luo 2020, §3.4.1; Zhanjiang's 0). Dr premium_due,
 * Cr insurer_reserve: premium to date × the share, rounded half-up once by the engine's year-end arithmetic.
 */
@Component
@Order(2)
public class ReserveWithheld implements InsurerPremiumRule {
    @Override
    public String step() {
        return "reserve";
    }

    @Override
    public String name() {
        return "reserve withheld";
    }

    @Override
    public String debit() {
        return "premium_due";
    }

    @Override
    public String credit() {
        return "insurer_reserve";
    }

    @Override
    public boolean yearToDate() {
        return true;
    }

    @Override
    public Target target(Month m) {
        var share = m.contract().reserveWithheld();
        long fen = m.arithmetic().reserveWithheldFen();
        return new Target(fen, Money.format(m.premiumFen()) + " premium × " + Money.formatRatio(share.ppm()) + " withheld = "
                + Money.format(fen) + " (" + InsurerPremium.cite(share.cited().source()) + ")");
    }
}
