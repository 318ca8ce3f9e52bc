package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.OutpatientRules;

/**
 * The residents' village outpatient card (seed 003 L1031): on a covered person's first settlement of
 * a year, the card is credited the year's amount for every year since its last credit (a year without
 * visits is still owed), the balance rolling over where the pack says so; a card never credited before
 * gets the visit's year only. Where the balance does not roll over, it is replaced by one year's credit.
 */
final class OutpatientCard {
    /** The credit (fen), the years it covers, the balance before and after. */
    record Credit(long credit, int years, long balanceBefore, long balanceAfter, TraceEntry why) {}

    private OutpatientCard() {}

    /** The credit owed before this visit, or null when none is (not covered, no card, already credited this year). */
    static Credit creditDue(VisitFacts f, YearToDate ytd, boolean trace) {
        OutpatientRules rules = f.scheme() == null ? null : f.scheme().outpatient();
        if (rules == null || ytd.cardYear >= ytd.year) return null;
        boolean rollsOver = rules.cardRollsOver();
        int years = rollsOver && ytd.cardYear > 0 ? ytd.year - ytd.cardYear : 1;
        long credit = rules.villageCardCredit().fen() * years;
        long after = (rollsOver ? ytd.cardBalance : 0) + credit;
        TraceEntry why = trace ? TraceLog.entry("outpatient_card_credit", "card credited "
                + Money.format(rules.villageCardCredit().fen()) + " × " + years + " year" + (years == 1 ? "" : "s") + " to "
                + ytd.year + ": balance " + Money.format(ytd.cardBalance) + " → " + Money.format(after),
                TraceWords.of("card_credit").fen("credit", rules.villageCardCredit().fen()).count("years", years)
                        .fen("balance_before", ytd.cardBalance).fen("balance_after", after), credit,
                rules.villageCardCredit().cited(), rules.cardRollsOverCited()) : null;
        return new Credit(credit, years, ytd.cardBalance, after, why);
    }
}
