package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;

/**
 * The employee's individual account ({@code acct_pay}): pays the in-scope self-pay and the
 * self-pay-first part up to its balance; class C and over-limit amounts only where the pack says so
 * (REFERENCE §3 DECISION).
 */
final class IndividualAccount {
    Payment pay(VisitFacts f, GroupPayments paid, YearToDate ytd, boolean trace) {
        long left = paid.personLeft();
        long payable = f.scheme().accountCoversSelfPay() ? left : Math.min(left, paid.inScopeLeft() + paid.group.selfPayFirst());
        long pays = Math.min(payable, ytd.accountBalance);
        return new Payment(pays, trace ? explain(f, payable, ytd, pays) : null);
    }

    private static TraceEntry explain(VisitFacts f, long payable, YearToDate ytd, long pays) {
        return TraceLog.entry("individual_account", "account pays " + Money.format(pays) + " of " + Money.format(payable)
                + " it may pay; balance left " + Money.format(ytd.accountBalance - pays), TraceWords.of("account")
                .fen("pays", pays).fen("payable", payable).fen("balance_left", ytd.accountBalance - pays), pays,
                f.scheme().accountCoversSelfPayCited());
    }
}
