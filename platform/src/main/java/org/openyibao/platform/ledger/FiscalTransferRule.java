package org.openyibao.platform.ledger;

import java.time.YearMonth;
import java.util.List;

/**
 * A rule that says what public finance owes some funds of a region for a month (issue 13, "budget-funded money"):
 * {@link BudgetFundedSpending} for medical assistance and the public-health emergency cover, the residents'
 * fiscal subsidy (contribution's {@code ResidentSubsidy}) for the pooling and serious-illness funds.
 * {@link FiscalTransfers} asks every rule and posts the request and the receipt.
 */
public interface FiscalTransferRule {
    /** The rule's name in the domain's words, shown with each amount. */
    String name();

    /** The funds it speaks for; no two rules speak for the same fund. */
    List<Accounts.Fund> funds();

    /** What finance owes {@code fund} for {@code month}, and how it was worked out. Read-only. */
    Due due(String admdvs, YearMonth month, Accounts.Fund fund);

    /** An amount due from finance (fen, ≥ 0) with its arithmetic and source in words. */
    record Due(long fen, String basis) {
        public Due {
            if (fen < 0) throw new IllegalArgumentException("a fiscal transfer is never negative: " + fen + " (" + basis + ")");
        }
    }
}
