package org.openyibao.platform.ledger;

import java.time.YearMonth;

import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.policy.InsurerContract;

/**
 * One posting rule of the serious-illness money accounted separately (单独核算, issue 13): what one step of the
 * insurer's contract should have posted by the end of a month, worked out from the {@link Month}'s figures. Pure: the
 * figures are read once by {@link InsurerPremium}, which posts the difference between this target and what was
 * posted before (so a second run posts nothing, and more money later brings a top-up).
 */
public interface InsurerPremiumRule {
    /** The step's key in table insurer_premium and in the entry's cause_ref ("instalment"). */
    String step();

    /** The rule's name in the domain's words ("monthly instalment to the insurer"). */
    String name();

    /** The serious-illness account debited and the one credited ("premium_due", "bank"). */
    String debit();

    String credit();

    /** True when the target is the year's to date (premium, reserve, instalments); false for the month alone (claims). */
    boolean yearToDate();

    /** What the step should have posted, to date or for the month, with its arithmetic and source in words. */
    Target target(Month m);

    /** An amount (fen, ≥ 0) with how it was worked out. */
    record Target(long fen, String basis) {
        public Target {
            if (fen < 0) throw new IllegalArgumentException("an insurer-premium target is never negative: " + fen + " (" + basis + ")");
        }
    }

    /**
     * A region's month as the rules see it: the contract of the month's year, the year's premium from residents'
     * contributions paid by the month's end (and how many residents paid), the engine's arithmetic of that premium
     * under the contract (reserve, instalments: {@link org.openyibao.engine.insurer.InsurerYearEnd}), and the
     * serious-illness claims (hifmi_pay) of settlements dated in the month, net of reversals.
     */
    record Month(String admdvs, YearMonth month, InsurerContract contract, long premiumFen, long residents, YearEnd arithmetic,
                 long claimsFen) {}
}
