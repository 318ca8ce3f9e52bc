package org.openyibao.engine.insurer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.policy.InsurerContract;

/** The year-end's refusals, its instalments and the words of its steps. */
class InsurerYearEndTest {
    private static final InsurerContract ZHANJIANG = InsurerContract.of(Packs.zhanjiang(), LocalDate.of(2018, 12, 31));

    @Test
    void badFiguresAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new YearEndFigures(100, -1, 0, 0, true)).hasMessageStartingWith("claims: -1 fen is negative");
        assertThatThrownBy(() -> new YearEndFigures(-5, 0, 0, 0, true)).hasMessageStartingWith("premium:");
        assertThatThrownBy(() -> new YearEndFigures(100, 50, 0, 60, true))
                .hasMessage("policy_change_loss: 60 fen is more than the claims paid (50 fen)");
    }

    @Test
    void instalmentsAreEqualWithTheRemainderInTheLast() {
        // 100 fen in 12: 11 × 8 = 88, the last 100 − 88 = 12
        assertThat(InsurerYearEnd.instalments(100, 12)).containsExactly(8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L, 12L);
        assertThat(InsurerYearEnd.instalments(0, 3)).containsExactly(0L, 0L, 0L);
        assertThat(InsurerYearEnd.instalments(7, 1)).containsExactly(7L);
    }

    @Test
    void eachStepSaysWhatItDidWithTheContractsSource() {
        // 1,000.00 premium, 900.00 claims: 100.00 profit, the corridor 30.00, 70.00 returned
        YearEnd y = InsurerYearEnd.of(YearEndFigures.of(100_000, 90_000), ZHANJIANG);
        assertThat(y.steps()).extracting(YearEndStep::rule).containsExactly("reserve withheld", "monthly instalments",
                "result before the corridor", "profit above the corridor", "reserve after the evaluation",
                "result after the corridor");
        YearEndStep above = y.steps().get(3);
        assertThat(above.explanation()).contains("1000.00 × 0.03 = 30.00", "the result 100.00 is 70.00 above it",
                "70.00 × 1 returned to the fund = 70.00");
        assertThat(above.amountFen()).isEqualTo(7_000);
        assertThat(above.parameters()).anySatisfy(c -> assertThat(c.source()).startsWith("Luo 2020, §2.9.4 (5)"));
        assertThat(y.resultAfterFen()).isEqualTo(3_000);
        assertThat(y.lossRatio()).isEqualByComparingTo("0.9");
        assertThat(List.of(y.steps().get(4).explanation())).containsExactly("nothing was withheld");
    }
}
