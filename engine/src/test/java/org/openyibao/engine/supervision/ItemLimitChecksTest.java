package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.supervision.Claims.item;
import static org.openyibao.engine.supervision.Claims.knowledge;
import static org.openyibao.engine.supervision.Claims.run;
import static org.openyibao.engine.supervision.Claims.visit;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/** The item-limit checks: each fires outside its limit and not at the limit's edge. */
class ItemLimitChecksTest {
    // F100 is for women only; F101 for ages 0 to 14 (both included); X100 only with diagnosis J18/J15;
    // F102 at level2 and above; X101 for employees only
    private static final Knowledge K = knowledge(List.of(
            item("F100", Sex.FEMALE, null, null, List.of(), null, Set.of(), null, null, true),
            item("F101", null, 0, 14, List.of(), null, Set.of(), null, null, true),
            item("X100", null, null, null, List.of("J18", "J15"), null, Set.of(), null, null, true),
            item("F102", null, null, null, List.of(), Level.LEVEL2, Set.of(), null, null, true),
            item("X101", null, null, null, List.of(), null, Set.of(Scheme.EMPLOYEE), null, null, true)));

    @Test
    void sexLimitFiresForTheOtherSexOnly() {
        List<Finding> male = run("ItemSexLimit", K, visit().sex(Sex.MALE).line("F002", 1).line("F100", 1).build());
        assertThat(male).singleElement().satisfies(f -> {
            assertThat(f.lines()).containsExactly(2);
            assertThat(f.reason()).isEqualTo("line 2 F100 (item F100): is for female patients, billed for a male patient");
            assertThat(f.threshold()).isEqualTo("female only");
        });
        assertThat(run("ItemSexLimit", K, visit().sex(Sex.FEMALE).line("F100", 1).build())).isEmpty();
        assertThat(run("ItemSexLimit", K, visit().sex(Sex.UNKNOWN).line("F100", 1).build())).isEmpty();
    }

    @Test
    void ageLimitIncludesBothEnds() {
        // 14 is the last age allowed, 15 the first refused
        assertThat(run("ItemAgeLimit", K, visit().age(14).line("F101", 1).build())).isEmpty();
        assertThat(run("ItemAgeLimit", K, visit().age(0).line("F101", 1).build())).isEmpty();
        assertThat(run("ItemAgeLimit", K, visit().age(15).line("F101", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.reason()).endsWith("patient aged 15, above 14"));
    }

    @Test
    void indicationLimitNeedsOneOfTheDiagnosesAmongAll() {
        assertThat(run("ItemIndicationLimit", K, visit().diagnosis("I10").line("X100", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("J18/J15*", "the visit has I10"));
        assertThat(run("ItemIndicationLimit", K, visit().diagnosis("J15.0").line("X100", 1).build())).isEmpty();
        ClaimVisit secondary = visit().diagnosis("I10").line("X100", 1).build();
        secondary = new ClaimVisit(secondary.id(), secondary.personId(), secondary.sex(), secondary.age(), secondary.institutionId(),
                secondary.level(), secondary.scheme(), secondary.scene(), false, secondary.admission(), secondary.discharge(),
                "I10", List.of("J18.0"), secondary.lines(), 0);
        assertThat(run("ItemIndicationLimit", K, secondary)).isEmpty();
    }

    @Test
    void levelLimitAllowsTheMinimumLevel() {
        assertThat(run("ItemLevelLimit", K, visit().level(Level.LEVEL2).line("F102", 1).build())).isEmpty();
        assertThat(run("ItemLevelLimit", K, visit().level(Level.LEVEL1).line("F102", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.reason()).endsWith("covered at level2 institutions and above, billed by a level1 one"));
    }

    @Test
    void schemeLimitFiresForAnotherScheme() {
        assertThat(run("ItemSchemeLimit", K, visit().scheme(Scheme.EMPLOYEE).line("X101", 1).build())).isEmpty();
        assertThat(run("ItemSchemeLimit", K, visit().scheme(Scheme.RESIDENT).line("X101", 1).build())).singleElement()
                .satisfies(f -> assertThat(f.threshold()).isEqualTo("employee"));
    }

    @Test
    void itemsWithoutLimitsAreNotJudged() {
        ClaimVisit v = visit().sex(Sex.MALE).age(90).level(Level.VILLAGE).line("F999", 1).build();
        for (String c : List.of("ItemSexLimit", "ItemAgeLimit", "ItemIndicationLimit", "ItemLevelLimit", "ItemSchemeLimit"))
            assertThat(run(c, K, v)).as(c).isEmpty();
    }
}
