package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.money.Money;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;

/**
 * The insurer's year-end on the serious-illness fund's own accounts (docs/insurer.md#year-end-on-the-ledger): one
 * balanced entry per step of the contract's settlement that moves money, dated 31 December, cause
 * {@code insurer_year_end}, reference {@code <year>:<step>}. {@code premium_due} is the running account with the
 * insurer: after these entries its credit balance is what the fund owes the insurer for the year (a debit balance,
 * what the insurer owes the fund), paid after the year-end.
 */
public final class InsurerYearEndEntries {
    static final String CAUSE = "insurer_year_end";

    /** One step: its reference, words, the accounts (serious-illness fund) and the amount. */
    public record Step(String step, String words, String debit, String credit, long fen) {}

    private InsurerYearEndEntries() {}

    /**
     * The year-end's steps that move money, in the order they are posted; a step of 0 is left out. The recoveries
     * passed to the insurer are what its counted claims are less than the claims it reimbursed.
     */
    static List<Step> steps(YearEnd y, InsurerLedgerFigures figures) {
        List<Step> all = List.of(
                new Step("recoveries", "recoveries of the case audit belong to the insurer: its claims are net of them",
                        "insurer_claims", "premium_due", figures.claimsReimbursed().fen() - figures.claimsFen()),
                new Step("policy_change", "the fund compensates the loss a policy change caused", "insurer_premium",
                        "premium_due", y.policyChangeCompensationFen()),
                new Step("corridor_compensation", "the fund compensates the loss beyond the corridor", "insurer_premium",
                        "premium_due", y.corridorCompensationFen()),
                new Step("corridor_return", "the profit above the corridor returns to the fund", "premium_due",
                        "insurer_premium", y.returnedFen()),
                new Step("reserve_refunded", "the reserve withheld is refunded to the insurer", "insurer_reserve",
                        "premium_due", y.reserveRefundedFen()),
                new Step("reserve_kept", "the reserve withheld is kept by the fund", "insurer_reserve", "insurer_premium",
                        y.reserveKeptFen()));
        List<Step> moving = new ArrayList<>();
        for (Step s : all) if (s.fen() > 0) moving.add(s);
        return moving;
    }

    /**
     * What the fund owes the insurer once the steps are posted (negative: what the insurer owes the fund): the credit
     * balance of {@code premium_due} for the year, from what the year's months left on it (premium − reserve −
     * instalments) and the steps that credit or debit it.
     */
    static long owedToInsurer(long dueBeforeFen, List<Step> steps) {
        long owed = dueBeforeFen;
        for (Step st : steps) {
            if (st.credit().equals("premium_due")) owed += st.fen();
            if (st.debit().equals("premium_due")) owed -= st.fen();
        }
        return owed;
    }

    /** Posts the steps; returns the entry id of each, in order. */
    static List<Long> post(Ledger ledger, String admdvs, int year, List<Step> steps) {
        List<Long> ids = new ArrayList<>();
        Accounts.Fund fund = Accounts.Fund.SERIOUS_ILLNESS;
        for (Step s : steps) {
            ids.add(ledger.post(JournalEntry.builder(admdvs, LocalDate.of(year, 12, 31), CAUSE, year + ":" + s.step(),
                            "insurer's year-end " + year + ": " + s.words() + ": " + Money.format(s.fen()))
                    .move(fund.account(s.debit()), fund.account(s.credit()), s.fen()).build()));
        }
        return ids;
    }
}
