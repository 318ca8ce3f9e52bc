package org.openyibao.platform.ledger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;

/**
 * The premium from contributions: the insurer's contract is bought with the serious-illness share of residents'
 * contributions (Luo 2020, §2.9.5: "85% basic, 15% serious illness"; the pack's
 * {@code resident.contribution.serious_illness_share}), own part and fiscal subsidy alike. As residents pay their
 * year, the fund owes that share to the contract: Dr insurer_premium (expense), Cr premium_due (liability). The year's
 * premium to date is the serious-illness part of every resident contribution of the year paid by the month's end
 * (contributions recorded as due and unpaid bring none until paid).
 */
@Component
@Order(1)
public class PremiumFromContributions implements InsurerPremiumRule {
    @Override
    public String step() {
        return "premium";
    }

    @Override
    public String name() {
        return "premium from contributions";
    }

    @Override
    public String debit() {
        return "insurer_premium";
    }

    @Override
    public String credit() {
        return "premium_due";
    }

    @Override
    public boolean yearToDate() {
        return true;
    }

    @Override
    public Target target(Month m) {
        return new Target(m.premiumFen(), "serious-illness share of " + m.residents() + " resident contribution"
                + (m.residents() == 1 ? "" : "s") + " of " + m.month().getYear() + " paid by " + m.month().atEndOfMonth() + ": "
                + Money.format(m.premiumFen()) + " (Luo 2020, §2.9.5)");
    }
}
