package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.D;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.grouping.Sex;

/** The illustrative rule set over a hand-made stay: which rules fire, in which order, and which block. */
class ScreeningTest {
    private static final RuleSet RULES = RuleSets.load(RuleSetsTest.POLICIES).version("illustrative-1");

    @Test
    void aStayWithSeveralFaultsGivesEachHitOnceBlockingFirst() {
        // a man's 5-day pneumonia stay (norm 9 days: not long) at H1 from 03-10 to 03-15: a bed each day, an
        // antenatal examination (women only: blocking), ceftriaxone 5 g on 03-10 (daily maximum 4), bed and ICU on
        // 03-11 (exclusive), nothing but the bed on 03-12..03-14 (3 days without treatment, more than 2)
        Claims.V v = visit().id("S").sex(Sex.MALE).diagnosis("J18.9").stay(D, D.plusDays(5));
        for (int d = 0; d < 5; d++) v.line("F001", ItemKind.SERVICE, D.plusDays(d), 1, 5000);
        v.line("F007", ItemKind.SERVICE, D, 1, 3000)
                .line("XB03", ItemKind.DRUG, D, 5, 1200)
                .line("F006", ItemKind.SERVICE, D.plusDays(1), 1, 60000);
        // an earlier stay for pneumonia at H2, discharged 02-28: readmitted 11 days later (within 15)
        ClaimVisit earlier = visit().id("E").at("H2").diagnosis("J18.0").stay(D.minusDays(20), D.minusDays(11)).build();
        List<Hit> hits = Screening.screen(RULES, v.build(), History.of(earlier));
        assertThat(hits).extracting(Hit::ruleId).containsExactly("POL-SEX", "MED-NO-TREATMENT", "MGT-READMISSION",
                "MED-DAILY-QUANTITY", "MGT-EXCLUSIVE");
        assertThat(hits.get(0).blocking()).isTrue();
        assertThat(hits.get(0).lines()).containsExactly(6);
        assertThat(hits.get(2).visits()).containsExactly("E");
        assertThat(hits.get(3).lines()).containsExactly(7);
        assertThat(hits.get(4).lines()).containsExactly(2, 8);
        assertThat(Screening.blocks(hits)).isTrue();
        // during settlement only the during-stage rules run
        assertThat(Screening.screen(RULES, v.build(), History.of(earlier), Stage.DURING)).extracting(Hit::ruleId)
                .containsExactly("POL-SEX", "MED-DAILY-QUANTITY", "MGT-EXCLUSIVE");
        // only the rules asked for
        assertThat(Screening.screen(RULES.only(Set.of("MGT-READMISSION")), v.build(), History.of(earlier)))
                .extracting(Hit::ruleId).containsExactly("MGT-READMISSION");
    }

    @Test
    void aCleanOutpatientVisitHasNoHits() {
        ClaimVisit v = visit().sex(Sex.FEMALE).age(30).diagnosis("J18.9").line("XA01", 12).line("F002", 1).build();
        assertThat(Screening.screen(RULES, v, History.NONE)).isEmpty();
    }

    @Test
    void aCrossRegionRuleRunsOnAnyVisitOutsideTheHomeRegion() {
        Rule rule = new Rule("X", "x", RuleKind.POLICY, Set.of(Scene.CROSS_REGION), Stage.DURING,
                new Window(Window.Unit.VISIT, 0), "ItemSexLimit", java.util.Map.of(), Severity.LOW, false, "s", "f", 1);
        ClaimVisit home = visit().build();
        ClaimVisit away = new ClaimVisit("A", "P1", Sex.FEMALE, 40, "H1", null, null, Scene.OUTPATIENT, true, D, D, "", List.of(), List.of(), 0);
        assertThat(rule.appliesTo(home)).isFalse();
        assertThat(rule.appliesTo(away)).isTrue();
    }
}
