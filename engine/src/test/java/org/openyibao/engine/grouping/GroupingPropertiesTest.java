package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Grouping is total and deterministic (issue 14): every case built from the tables' own codes (and some noise) gets a
 * group or a named reason, never an exception, and the same case always gets the same result with the same trace.
 */
class GroupingPropertiesTest {
    static final GroupingTables TABLES = GroupingTablesTest.TABLES;

    @Property(tries = 2000)
    void everyVersionGroupsEveryCaseTotallyAndDeterministically(@ForAll("cases") DischargedCase c) {
        for (String v : TABLES.versions()) {
            Grouper g = TABLES.grouper(v);
            GroupResult r = g.group(c);
            wellFormed(r);
            assertThat(g.group(c)).isEqualTo(r);
        }
    }

    @Property(tries = 1000)
    void aSecondaryDiagnosisOnlyMovesACaseWithinItsAdrgAndNeverDown(@ForAll("cases") DischargedCase c,
                                                                    @ForAll("complications") String extra) {
        Grouper g = TABLES.grouper("illustrative-drg-1");
        GroupResult before = g.group(c);
        List<String> more = new ArrayList<>(c.secondaryDiagnoses());
        more.add(extra);
        GroupResult after = g.group(new DischargedCase(c.caseId(), c.principalDiagnosis(), more, c.procedures(),
                c.ageYears(), c.ageDays(), c.sex(), c.lengthOfStay(), c.dischargeType(), c.birthWeightGrams(),
                c.costFen()));
        // the MDC and ADRG do not read the secondary diagnoses; a further complication cannot lower the weight
        assertThat(after.outcome()).isEqualTo(before.outcome());
        assertThat(after.mdc()).isEqualTo(before.mdc());
        assertThat(after.adrg()).isEqualTo(before.adrg());
        assertThat(after.weightPpm()).isGreaterThanOrEqualTo(before.weightPpm());
    }

    @Provide
    Arbitrary<String> complications() {
        return Arbitraries.of(((DrgGrouper) TABLES.grouper("illustrative-drg-1")).table().diagnosisCodes);
    }

    private static void wellFormed(GroupResult r) {
        assertThat(r.trace()).isNotEmpty();
        switch (r.outcome()) {
            case GROUPED -> {
                assertThat(r.code()).isNotBlank();
                assertThat(r.reason()).isNull();
                assertThat(r.averageCostFen()).isPositive();
                assertThat(r.method() == Method.DRG ? r.weightPpm() : r.scorePpm()).isPositive();
                assertThat(r.trace().get(r.trace().size() - 1).chose()).isEqualTo(r.code());
            }
            case UNGROUPABLE -> {
                assertThat(r.code()).isNull();
                assertThat(r.reason()).matches("[a-z-]+");
            }
            case AMBIGUOUS -> {
                assertThat(r.reason()).startsWith("ambiguous-");
                assertThat(r.candidates()).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
            }
        }
    }

    @Provide
    Arbitrary<DischargedCase> cases() {
        List<String> diagnoses = new ArrayList<>();
        List<String> procedures = new ArrayList<>();
        for (String v : TABLES.versions()) {
            Grouper g = TABLES.grouper(v);
            if (g instanceof DrgGrouper d) {
                diagnoses.addAll(d.table().diagnosisCodes);
                d.table().adrgs.forEach(a -> { diagnoses.addAll(a.diagnoses()); procedures.addAll(a.procedures().codes()); });
            } else if (g instanceof DipGrouper p) {
                procedures.addAll(p.table().procedureCodes);
                p.table().cores.forEach(k -> diagnoses.add(k.diagnosis()));
            }
        }
        diagnoses.addAll(List.of("", "XYZ", "R50.9", "Z00.0", "A00", "T81.4", "c61"));
        procedures.addAll(List.of("99.99", "00.00"));
        Arbitrary<String> diagnosis = Arbitraries.oneOf(Arbitraries.of(diagnoses),
                Arbitraries.of(diagnoses).map(d -> d + "01"));
        Arbitrary<List<String>> secondaries = diagnosis.list().ofMaxSize(4);
        Arbitrary<List<String>> procs = Arbitraries.of(procedures).list().ofMaxSize(4);
        Arbitrary<int[]> ages = Combinators.combine(Arbitraries.integers().between(-1, 110),
                Arbitraries.integers().between(0, 40)).as((y, d) -> new int[] {y, y == 0 ? d : 0});
        Arbitrary<int[]> stay = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.of(0, 900, 1499, 1500, 1999, 2000, 3500)).as((l, w) -> new int[] {l, w});
        return Combinators.combine(diagnosis, secondaries, procs, ages, Arbitraries.of(Sex.values()), stay,
                Arbitraries.of(DischargeType.values()), Arbitraries.longs().between(0, 20_000_000))
                .as((p, s, pr, a, sex, st, dt, cost) -> new DischargedCase("q", p, s, pr, a[0], a[1], sex, st[0], dt,
                        st[1], cost));
    }
}
