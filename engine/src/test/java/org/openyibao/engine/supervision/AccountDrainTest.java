package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.D;
import static org.openyibao.engine.supervision.Claims.run;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AccountDrainTest {
    // at least 3 purchases in 10 days taking at least 1,000.00 yuan (100,000 fen) from the account
    private static final Map<String, Long> P = Map.of("days", 10L, "min_purchases", 3L, "min_total_fen", 100_000L);

    private static ClaimVisit buy(String id, int daysBefore, long accountFen) {
        return visit().id(id).at("P" + id).pharmacy(D.minusDays(daysBefore)).account(accountFen).line("XA01", 1).build();
    }

    private static List<Finding> screen(ClaimVisit today, ClaimVisit... history) {
        return run("AccountDrain", P, Knowledge.EMPTY, today, history);
    }

    @Test
    void firesAtBothThresholds() {
        // 40,000 + 30,000 + 30,000 = 100,000 fen in 3 purchases, the oldest 9 days before (the window's first day)
        assertThat(screen(buy("T", 0, 40_000), buy("A", 5, 30_000), buy("B", 9, 30_000))).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("3 pharmacy purchases paid from the individual account in 10 days, 1000.00 yuan in all");
            assertThat(f.visits()).containsExactly("B", "A");
        });
        // one fen less: 99,999
        assertThat(screen(buy("T", 0, 39_999), buy("A", 5, 30_000), buy("B", 9, 30_000))).isEmpty();
        // the third purchase 10 days before: outside the window, 2 purchases
        assertThat(screen(buy("T", 0, 40_000), buy("A", 5, 30_000), buy("B", 10, 30_000))).isEmpty();
        // a purchase not paid from the account is not counted, nor is a visit that is not a pharmacy's
        List<ClaimVisit> others = new ArrayList<>(List.of(buy("A", 5, 60_000), buy("B", 6, 0),
                visit().id("C").outpatient(D.minusDays(2)).account(30_000).build()));
        assertThat(screen(buy("T", 0, 40_000), others.toArray(ClaimVisit[]::new))).isEmpty();
        // today's purchase itself not paid from the account: nothing to judge
        assertThat(screen(buy("T", 0, 0), buy("A", 5, 60_000), buy("B", 9, 60_000))).isEmpty();
    }
}
