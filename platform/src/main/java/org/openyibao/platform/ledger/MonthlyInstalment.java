package org.openyibao.platform.ledger;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;

/**
 * The monthly instalment: "serious illness insurance funds were paid to the insurance companies monthly" (Luo 2020,
 * §2.9.4 (4)). The premium less the reserve is paid in the contract's {@code instalments} equal parts rounded down to
 * the fen, the remainder with the last (the engine's arithmetic, docs/insurer.md#instalments); instalment k falls in
 * month k, and December pays whatever is left (a contract of more than 12 instalments). Dr premium_due, Cr bank.
 *
 * <p>The target to date is the instalments of the months so far of the year's premium to date: with the premium
 * known in January the months pay exactly the contract's instalments; premium that comes later (a resident who pays
 * in June) is caught up in the next instalment, and December's settles the year to the fen (DECISION,
 * docs/ledger.md#insurer-premium).
 */
@Component
@Order(3)
public class MonthlyInstalment implements InsurerPremiumRule {
    @Override
    public String step() {
        return "instalment";
    }

    @Override
    public String name() {
        return "monthly instalment to the insurer";
    }

    @Override
    public String debit() {
        return "premium_due";
    }

    @Override
    public String credit() {
        return "bank";
    }

    @Override
    public boolean yearToDate() {
        return true;
    }

    @Override
    public Target target(Month m) {
        List<Long> instalments = m.arithmetic().instalmentsFen();
        int n = instalments.size(), month = m.month().getMonthValue();
        int due = month == 12 ? n : Math.min(month, n);
        long fen = 0;
        for (int k = 0; k < due; k++) fen += instalments.get(k);
        long toPay = m.premiumFen() - m.arithmetic().reserveWithheldFen();
        String which = due == 0 ? "no instalment yet" : due == 1 ? "instalment 1" : "instalments 1–" + due;
        return new Target(fen, which + " of " + n + " of " + Money.format(toPay) + " (premium less reserve): "
                + (due == 0 ? "0.00" : n == 1 ? Money.format(fen) : due < n ? due + " × " + Money.format(instalments.get(0))
                + " = " + Money.format(fen) : (n - 1) + " × " + Money.format(instalments.get(0)) + " + the remainder "
                + Money.format(instalments.get(n - 1)) + " = " + Money.format(fen))
                + " (" + InsurerPremium.cite(m.contract().instalmentsCited().source()) + ")");
    }
}
