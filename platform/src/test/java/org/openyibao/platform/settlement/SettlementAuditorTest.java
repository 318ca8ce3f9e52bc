package org.openyibao.platform.settlement;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.openyibao.platform.settlement.SettlementAuditorProperties.Cancel;
import org.openyibao.platform.settlement.SettlementAuditorProperties.Line;
import org.openyibao.platform.settlement.SettlementAuditorProperties.Op;
import org.openyibao.platform.settlement.SettlementAuditorProperties.Settle;
import org.openyibao.platform.settlement.SettlementAuditorProperties.VisitKind;
import org.openyibao.platform.support.TestDatabase;

/**
 * The settlement auditor on H2: random sequences of 10 to 40 settlements and cancellations leave the
 * accumulators, the individual account and the ledger as if each cancelled visit had never happened
 * (what that means, and how it is checked, is in {@link SettlementAuditorProperties}). Two sampled
 * sequences run on PostgreSQL in {@code SettlementAuditorPostgresSamplesTest}.
 */
class SettlementAuditorTest {
    @Property(tries = 50)
    void cancelledVisitsLeaveNoTrace(@ForAll("sequences") List<Op> ops) {
        SettlementAuditorProperties.run(TestDatabase.Kind.H2, ops);
    }

    /**
     * Defect 1, the property's shortest counterexample: resident P2's first visit of 2018 credits the card,
     * its cancellation must take back the year with the balance, or the next 2018 visit finds no credit.
     */
    @Example
    void cancellingTheCardsFirstCreditOfTheYearGivesBackTheYear() {
        SettlementAuditorProperties.run(TestDatabase.Kind.H2, List.of(
                new Settle(1, VisitKind.VILLAGE, 0, List.of(new Line("A", 500))),
                new Cancel(0),
                new Settle(1, VisitKind.VILLAGE, 10, List.of(new Line("A", 500)))));
    }

    /**
     * The card carries over from year to year, and each year's person_year row keeps its own copy. Here P2's 2018
     * visit credits 20.00 and spends 5.00; the 2019 visit's row starts from that 15.00. Cancelling both, latest
     * first, must leave nothing behind in any year: had neither happened, a 2019 visit would find an empty card
     * never credited.
     */
    @Example
    void cancellingAnEarlierYearsVisitReachesTheCardCarriedIntoLaterYears() {
        SettlementAuditorProperties.run(TestDatabase.Kind.H2, List.of(
                new Settle(1, VisitKind.VILLAGE, 0, List.of(new Line("A", 500))),
                new Settle(1, VisitKind.VILLAGE, 365, List.of(new Line("A", 500))),
                new Cancel(0),
                new Cancel(0)));
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        return SettlementAuditorProperties.sequences();
    }
}
