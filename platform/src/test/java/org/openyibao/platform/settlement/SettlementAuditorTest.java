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
     * Defect 1, the property's shortest counterexample before it was fixed: resident P2's first visit of 2018
     * credits the card 20.00; cancelling it gives the card back what it paid and keeps the year's credit and
     * the year (it used to take the credit back and leave the year, so the 2018 credit was lost for good). The
     * next 2018 visit finds the 20.00.
     */
    @Example
    void cancellingTheVisitThatCreditedTheCardKeepsTheYearsCredit() {
        SettlementAuditorProperties.run(TestDatabase.Kind.H2, List.of(
                new Settle(1, VisitKind.VILLAGE, 0, List.of(new Line("A", 500))),
                new Cancel(0),
                new Settle(1, VisitKind.VILLAGE, 10, List.of(new Line("A", 500)))));
    }

    /**
     * The card carries over from year to year, and each year's person_year row keeps its own copy. Here P2's 2018
     * village visit has the card pay 5.00 of its 20.00 credit; the 2019 visit's row starts from the 15.00 left.
     * Cancelling both, latest first, must give the card back the 5.00 in every year from 2018 on: the 2019
     * row, which the next visits read, must hold both years' credits, 40.00.
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
