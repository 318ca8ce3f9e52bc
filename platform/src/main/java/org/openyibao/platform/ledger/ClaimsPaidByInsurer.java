package org.openyibao.platform.ledger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;

/**
 * Claims paid by the insurer: the serious-illness part of each settlement (hifmi_pay) is posted by the settlement as
 * the fund's benefit and paid to the institution with the rest of the bill (one-stop settlement); under the contract
 * the claims are the insurer's, who pays them from its premium (Luo 2020, §2.9.4 (4): "paying first, auditing and
 * settling unifiedly"). The insurer reimburses the fund the month's claims: Dr bank, Cr insurer_claims, the
 * serious-illness benefits dated in the month net of reversals (never negative). DECISION
 * (docs/ledger.md#insurer-premium): reimbursed at the month's end, with the instalment, and recorded gross.
 */
@Component
@Order(4)
public class ClaimsPaidByInsurer implements InsurerPremiumRule {
    @Override
    public String step() {
        return "claims";
    }

    @Override
    public String name() {
        return "claims paid by the insurer";
    }

    @Override
    public String debit() {
        return "bank";
    }

    @Override
    public String credit() {
        return "insurer_claims";
    }

    @Override
    public boolean yearToDate() {
        return false;
    }

    @Override
    public Target target(Month m) {
        long fen = Math.max(0, m.claimsFen()); // reversals beyond the month's claims leave nothing to reimburse
        return new Target(fen, "serious-illness benefits (hifmi_pay) of settlements dated in " + m.month() + ": "
                + Money.format(fen) + " (Luo 2020, §2.9.4 (4))");
    }
}
