package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.D;
import static org.openyibao.engine.supervision.Claims.item;
import static org.openyibao.engine.supervision.Claims.knowledge;
import static org.openyibao.engine.supervision.Claims.origin;
import static org.openyibao.engine.supervision.Claims.run;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Level;

/** Readmission, overlapping stays, outpatient visits during a stay, long stays, days without treatment. */
class StayChecksTest {
    private static final Knowledge NONE = Knowledge.EMPTY;

    @Test
    void readmissionWithinTheWindowCountsTheGapInDays() {
        Map<String, Long> p = Map.of("days", 15L);
        ClaimVisit first = visit().id("A").diagnosis("I63.9").stay(D, D.plusDays(7)).build(); // discharged 03-17
        // admitted 04-01: 15 days after 03-17, the last day of the window
        ClaimVisit day15 = visit().id("B").at("H2").diagnosis("I63.5").stay(D.plusDays(22), D.plusDays(30)).build();
        assertThat(run("ReadmissionSameDiagnosis", p, NONE, day15, first)).singleElement().satisfies(f -> {
            assertThat(f.visits()).containsExactly("A");
            assertThat(f.reason()).isEqualTo("readmitted for I63 15 days after stay A at another hospital (H1) ended on 2024-03-17");
        });
        // admitted 04-02: 16 days, outside
        ClaimVisit day16 = visit().id("B").diagnosis("I63.5").stay(D.plusDays(23), D.plusDays(30)).build();
        assertThat(run("ReadmissionSameDiagnosis", p, NONE, day16, first)).isEmpty();
        // another diagnosis category, the next day: not a readmission for the same diagnosis
        ClaimVisit other = visit().id("B").diagnosis("J18.9").stay(D.plusDays(8), D.plusDays(12)).build();
        assertThat(run("ReadmissionSameDiagnosis", p, NONE, other, first)).isEmpty();
    }

    @Test
    void overlappingStaysButNotASameDayTransfer() {
        ClaimVisit a = visit().id("A").stay(D, D.plusDays(5)).build();
        ClaimVisit transfer = visit().id("B").at("H2").stay(D.plusDays(5), D.plusDays(9)).build();
        ClaimVisit overlap = visit().id("B").at("H2").stay(D.plusDays(4), D.plusDays(9)).build();
        assertThat(run("OverlappingStays", NONE, transfer, a)).isEmpty();
        assertThat(run("OverlappingStays", NONE, overlap, a)).singleElement()
                .satisfies(f -> assertThat(f.visits()).containsExactly("A"));
    }

    @Test
    void outpatientElsewhereStrictlyInsideAStay() {
        ClaimVisit stay = visit().id("S").stay(D, D.plusDays(5)).build();
        ClaimVisit inside = visit().id("O").at("H9").outpatient(D.plusDays(1)).build();
        ClaimVisit onDischarge = visit().id("O").at("H9").outpatient(D.plusDays(5)).build();
        ClaimVisit sameHospital = visit().id("O").at("H1").outpatient(D.plusDays(2)).build();
        assertThat(run("OutpatientDuringStay", NONE, stay, inside)).singleElement()
                .satisfies(f -> assertThat(f.visits()).containsExactly("O"));
        // screened the other way round: the outpatient visit, with the stay in its history
        assertThat(run("OutpatientDuringStay", NONE, inside, stay)).singleElement()
                .satisfies(f -> assertThat(f.visits()).containsExactly("S"));
        assertThat(run("OutpatientDuringStay", NONE, stay, onDischarge)).isEmpty();
        assertThat(run("OutpatientDuringStay", NONE, stay, sameHospital)).isEmpty();
    }

    @Test
    void longStayAboveTheNormTimesTheRatio() {
        // norm for I63 at level2: 10 days; ratio 2.0 → at most 20 days; I63 at any other level: 12 days
        Knowledge k = knowledge(List.of(), List.of(), List.of(), List.of(), List.of(
                new Knowledge.StayNorm("I63", null, 12, origin()), new Knowledge.StayNorm("I63", Level.LEVEL2, 10, origin())));
        Map<String, Long> p = Map.of("ratio_ppm", 2_000_000L);
        assertThat(run("LongStay", p, k, visit().diagnosis("I63.9").stay(D, D.plusDays(20)).build())).isEmpty();
        assertThat(run("LongStay", p, k, visit().diagnosis("I63.9").stay(D, D.plusDays(21)).build())).singleElement()
                .satisfies(f -> assertThat(f.threshold()).isEqualTo("at most 20 days (2 × 10)"));
        // at level3 the any-level norm of 12 applies: 24 days allowed
        assertThat(run("LongStay", p, k, visit().level(Level.LEVEL3).diagnosis("I63.9").stay(D, D.plusDays(24)).build())).isEmpty();
        // no norm for J18: not judged
        assertThat(run("LongStay", p, k, visit().diagnosis("J18.9").stay(D, D.plusDays(90)).build())).isEmpty();
    }

    @Test
    void daysWithOnlyABedBilled() {
        // F001 bed: not treatment. A 5-day stay (days D..D+4 billed), treatment on D and D+1 only: 3 idle days
        Knowledge k = knowledge(List.of(item("F001", null, null, null, List.of(), null, Set.of(), null, null, false)));
        Claims.V v = visit().stay(D, D.plusDays(5));
        for (int d = 0; d < 5; d++) v.line("F001", ItemKind.SERVICE, D.plusDays(d), 1, 5000);
        v.line("X001", ItemKind.DRUG, D, 1, 100).line("F002", ItemKind.SERVICE, D.plusDays(1), 1, 18000);
        ClaimVisit stay = v.build();
        assertThat(run("DaysWithoutTreatment", Map.of("max_days", 3L), k, stay)).isEmpty();
        assertThat(run("DaysWithoutTreatment", Map.of("max_days", 2L), k, stay)).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("3 of the stay's 5 days with no treatment billed (2024-03-12 … 2024-03-14)"));
    }
}
