package org.openyibao.engine.casepay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/** From a discharged case to its payment with the shipped groupers and Zhanjiang's rules: the two parts fit. */
class GroupAndPayTest {
    private static final LocalDate DISCHARGE = LocalDate.of(2022, 6, 1);

    @Test
    void aLaparoscopicAppendectomyIsPaidByDrgAndScoredByDip() {
        GroupingTables tables = GroupingTables.load(Packs.root());
        TableSelection selection = TableSelection.of(Packs.root().resolve("zhanjiang"));
        CasePaymentRules rules = CasePaymentRules.of(Packs.zhanjiang(), DISCHARGE);
        DischargedCase discharged = new DischargedCase("E1", "K35.8", List.of(), List.of("47.01"), 20, 0, Sex.MALE, 5,
                DischargeType.ORDERED, 0, 1_000_000);

        GroupResult drg = tables.grouper(selection.require(Method.DRG, DISCHARGE)).group(discharged);
        CasePayment paid = DrgCasePayment.of(toPay(drg), rules);
        // GD15, weight 0.78, average 9,204.00; cost 10,000.00 is 1.09 × the average → 0.78 × 11,800.00 × 1.0 = 9,204.00
        assertThat(paid.group()).isEqualTo("GD15");
        assertThat(paid.kind()).isEqualTo(CasePayment.Kind.STANDARD);
        assertThat(paid.paymentFen()).isEqualTo(920_400);

        GroupResult dip = tables.grouper(selection.require(Method.DIP, DISCHARGE)).group(discharged);
        CasePayment scored = DipCaseScore.of(toPay(dip), rules);
        // K35-01, score 78, average 7,800.00; 10,000.00 is 1.28 × the average → the group's 78 points
        assertThat(scored.group()).isEqualTo("K35-01");
        assertThat(scored.pointsPpm()).isEqualTo(78_000_000);
        assertThat(rules.method()).isEqualTo(Method.DIP);
    }

    private static CaseToPay toPay(GroupResult g) {
        return new CaseToPay("E1", g, 1_000_000, Level.LEVEL3, 5, DischargeType.ORDERED, false, Scheme.RESIDENT);
    }
}
