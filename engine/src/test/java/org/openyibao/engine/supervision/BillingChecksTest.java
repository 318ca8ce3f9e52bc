package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.D;
import static org.openyibao.engine.supervision.Claims.item;
import static org.openyibao.engine.supervision.Claims.knowledge;
import static org.openyibao.engine.supervision.Claims.origin;
import static org.openyibao.engine.supervision.Claims.plain;
import static org.openyibao.engine.supervision.Claims.run;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Quantities, repeated charges, exclusive, dependent and swapped items. */
class BillingChecksTest {
    // X200: at most 3 a day and 10 a stay
    private static final Knowledge K = knowledge(
            List.of(item("X200", null, null, null, List.of(), null, Set.of(), 3L, 10L, true), plain("F300"), plain("F301")),
            List.of(new Knowledge.Pair("F300", "F301", origin())),
            List.of(new Knowledge.Pair("X300", "F302", origin())),
            List.of(new Knowledge.Swap("F400", "F401", List.of("C"), origin())),
            List.of());

    @Test
    void dailyQuantityAddsTheDaysLines() {
        // 2 + 1 = 3 on D: the maximum itself is allowed; 2 + 2 = 4 is one too many
        assertThat(run("DailyQuantityLimit", K, visit().line("X200", 2).line("X200", 1).build())).isEmpty();
        assertThat(run("DailyQuantityLimit", K, visit().line("X200", 2).line("F300", 1).line("X200", 2).build()))
                .singleElement().satisfies(f -> {
                    assertThat(f.lines()).containsExactly(1, 3);
                    assertThat(f.reason()).startsWith("4 units of X200");
                    assertThat(f.threshold()).isEqualTo("at most 3 a day");
                });
        // 3 on each of two days: each day keeps to its maximum
        assertThat(run("DailyQuantityLimit", K, visit().line("X200", ItemKind.DRUG, D, 3, 100)
                .line("X200", ItemKind.DRUG, D.plusDays(1), 3, 100).build())).isEmpty();
    }

    @Test
    void stayQuantityAddsTheWholeStay() {
        // 3 + 3 + 3 + 1 = 10 over four days: allowed; 3 + 3 + 3 + 2 = 11: not
        Claims.V ten = visit().stay(D, D.plusDays(5));
        Claims.V eleven = visit().stay(D, D.plusDays(5));
        for (int d = 0; d < 3; d++) {
            ten.line("X200", ItemKind.DRUG, D.plusDays(d), 3, 100);
            eleven.line("X200", ItemKind.DRUG, D.plusDays(d), 3, 100);
        }
        ten.line("X200", ItemKind.DRUG, D.plusDays(3), 1, 100);
        eleven.line("X200", ItemKind.DRUG, D.plusDays(3), 2, 100);
        assertThat(run("StayQuantityLimit", K, ten.build())).isEmpty();
        assertThat(run("StayQuantityLimit", K, eleven.build())).singleElement()
                .satisfies(f -> assertThat(f.lines()).containsExactly(1, 2, 3, 4));
    }

    @Test
    void sameServiceTwiceADay() {
        Map<String, Long> two = Map.of("min_lines", 2L);
        assertThat(run("SameItemTwiceADay", two, K, visit().line("F300", 1).line("F300", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.lines()).containsExactly(1, 2));
        // once a day on two days, and a drug twice a day: nothing
        assertThat(run("SameItemTwiceADay", two, K, visit().line("F300", ItemKind.SERVICE, D, 1, 100)
                .line("F300", ItemKind.SERVICE, D.plusDays(1), 1, 100).line("X200", 1).line("X200", 1).build())).isEmpty();
    }

    @Test
    void exclusiveItemsOnTheSameDayOnly() {
        assertThat(run("MutuallyExclusiveItems", K, visit().line("F301", 1).line("F300", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.lines()).containsExactly(1, 2));
        assertThat(run("MutuallyExclusiveItems", K, visit().stay(D, D.plusDays(3)).line("F300", ItemKind.SERVICE, D, 1, 100)
                .line("F301", ItemKind.SERVICE, D.plusDays(1), 1, 100).build())).isEmpty();
    }

    @Test
    void dependentItemNeedsItsPartner() {
        assertThat(run("MissingDependentItem", K, visit().line("X300", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("X300 billed without F302, which it goes with"));
        assertThat(run("MissingDependentItem", K, visit().line("X300", 1).line("F302", 1).build())).isEmpty();
        assertThat(run("MissingDependentItem", K, visit().line("F302", 1).build())).isEmpty();
    }

    @Test
    void swapWithoutTheDearerItemsIndication() {
        assertThat(run("SwappedItem", K, visit().diagnosis("J18.9").line("F400", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("F400 billed where only F401 is indicated"));
        assertThat(run("SwappedItem", K, visit().diagnosis("C34.1").line("F400", 1).build())).isEmpty();
        assertThat(run("SwappedItem", K, visit().diagnosis("J18.9").line("F401", 1).build())).isEmpty();
    }
}
