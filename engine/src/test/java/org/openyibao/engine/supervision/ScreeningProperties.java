package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/** Screening with the illustrative rule set is deterministic, and does not depend on the order of the history. */
class ScreeningProperties {
    private static final RuleSet RULES = RuleSets.load(RuleSetsTest.POLICIES).version("illustrative-1");
    private static final List<String> CODES = List.of("XA01", "XB01", "XB02", "XB03", "XC01", "XD01", "XP01", "F001",
            "F002", "F003", "F006", "F007", "F008", "F009", "F010", "F011", "X010", "F012");
    private static final List<String> DIAGNOSES = List.of("I63.9", "I21.0", "J18.9", "K35.8", "O80.0", "E23.0", "C34.1");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<ClaimVisit> visits() {
        Arbitrary<Scene> scene = Arbitraries.of(Scene.OUTPATIENT, Scene.INPATIENT, Scene.PHARMACY);
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> length = Arbitraries.integers().between(0, 30);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(scene, start, length, seed, Arbitraries.of("H1", "H2", "P1", "P2"), Arbitraries.of(DIAGNOSES))
                .as((sc, s, len, sd, inst, dx) -> {
                    LocalDate in = START.plusDays(s);
                    LocalDate out = sc == Scene.INPATIENT ? in.plusDays(len) : in;
                    Random r = new Random(sd);
                    List<ClaimLine> lines = new ArrayList<>();
                    int n = 1 + r.nextInt(8);
                    for (int i = 0; i < n; i++) {
                        String code = CODES.get(r.nextInt(CODES.size()));
                        LocalDate day = in.plusDays(r.nextInt((int) (out.toEpochDay() - in.toEpochDay()) + 1));
                        long unit = code.startsWith("X") ? 1000 + r.nextInt(60_000) : 5000;
                        long qty = 1 + r.nextInt(12);
                        lines.add(new ClaimLine(i + 1, code, code.startsWith("X") ? ItemKind.DRUG : ItemKind.SERVICE, day, qty, unit, qty * unit));
                    }
                    return new ClaimVisit("V" + Long.toHexString(sd) + s + len, "P1", r.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                            r.nextInt(90), inst, Level.values()[r.nextInt(5)], r.nextBoolean() ? Scheme.RESIDENT : Scheme.EMPLOYEE,
                            sc, false, in, out, dx, List.of(), lines, sc == Scene.PHARMACY ? r.nextInt(100_000) : 0);
                });
    }

    @Property(tries = 200)
    void theSameHitsWhateverTheOrderOfTheHistory(@ForAll("visits") ClaimVisit visit,
                                                 @ForAll("histories") List<ClaimVisit> history, @ForAll long shuffle) {
        List<ClaimVisit> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(shuffle));
        List<Hit> first = Screening.screen(RULES, visit, new History(history));
        assertThat(Screening.screen(RULES, visit, new History(shuffled))).isEqualTo(first);
        assertThat(Screening.screen(RULES, visit, new History(history))).isEqualTo(first);
        // in the stable order, and every piece of evidence is a line of the visit or a visit of the history
        List<Hit> sorted = new ArrayList<>(first);
        sorted.sort(Hit.ORDER);
        assertThat(first).isEqualTo(sorted);
        Set<Integer> lines = visit.lines().stream().map(ClaimLine::no).collect(Collectors.toSet());
        Set<String> ids = history.stream().map(ClaimVisit::id).collect(Collectors.toSet());
        for (Hit h : first) {
            assertThat(lines).containsAll(h.lines());
            assertThat(ids).containsAll(h.visits());
            assertThat(h.reason()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<ClaimVisit>> histories() {
        return visits().list().ofMaxSize(8).uniqueElements(ClaimVisit::id);
    }
}
