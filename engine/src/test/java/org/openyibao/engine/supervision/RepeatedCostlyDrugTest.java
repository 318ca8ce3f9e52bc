package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.D;
import static org.openyibao.engine.supervision.Claims.item;
import static org.openyibao.engine.supervision.Claims.knowledge;
import static org.openyibao.engine.supervision.Claims.run;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RepeatedCostlyDrugTest {
    // X900 costs 50,000 fen a unit; plausible use is 1 a day; window 30 days → 30 units
    private static final Knowledge K = knowledge(List.of(item("X900", null, null, null, List.of(), null, Set.of(), 1L, null, true)));
    private static final Map<String, Long> P = Map.of("days", 30L, "min_unit_price_fen", 50_000L, "min_purchases", 3L,
            "min_pharmacies", 2L);

    private static ClaimVisit buy(String id, String pharmacy, int daysBefore, long units, long unitFen) {
        return visit().id(id).at(pharmacy).pharmacy(D.minusDays(daysBefore)).line("X900", ItemKind.DRUG, D.minusDays(daysBefore), units, unitFen).build();
    }

    @Test
    void firesBeyondPlausibleUseAtSeveralPharmacies() {
        // 10 (today, P1) + 10 (day -10, P2) + 11 (day -29, P3) = 31 units in 30 days > 30
        ClaimVisit today = buy("T", "P1", 0, 10, 50_000);
        assertThat(run("RepeatedCostlyDrug", P, K, today, buy("A", "P2", 10, 10, 50_000), buy("B", "P3", 29, 11, 50_000)))
                .singleElement().satisfies(f -> {
                    assertThat(f.visits()).containsExactly("B", "A");
                    assertThat(f.threshold()).isEqualTo("at most 30 units in 30 days");
                });
        // exactly 30 units: plausible
        assertThat(run("RepeatedCostlyDrug", P, K, today, buy("A", "P2", 10, 10, 50_000), buy("B", "P3", 29, 10, 50_000))).isEmpty();
        // the third purchase 30 days before: outside the window (day -29 is the first day in it)
        assertThat(run("RepeatedCostlyDrug", P, K, today, buy("A", "P2", 10, 10, 50_000), buy("B", "P3", 30, 11, 50_000))).isEmpty();
        // all at one pharmacy: fewer than 2 places
        assertThat(run("RepeatedCostlyDrug", P, K, today, buy("A", "P1", 10, 10, 50_000), buy("B", "P1", 29, 11, 50_000))).isEmpty();
        // a cheaper drug (49,999 fen): not costly
        assertThat(run("RepeatedCostlyDrug", P, K, buy("T", "P1", 0, 10, 49_999), buy("A", "P2", 10, 10, 49_999),
                buy("B", "P3", 29, 11, 49_999))).isEmpty();
    }
}
