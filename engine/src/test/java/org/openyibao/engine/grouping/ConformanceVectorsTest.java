package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every shipped table version's conformance vectors pass with its grouper (docs/grouping.md#conformance-vectors). */
class ConformanceVectorsTest {
    static final GroupingTables TABLES = GroupingTablesTest.TABLES;

    static Stream<String> versions() {
        return TABLES.versions().stream();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void everyVectorOfTheVersionPasses(String version) {
        List<ConformanceVectors.Vector> vectors = TABLES.vectors(version);
        assertThat(vectors).as("vectors of " + version).isNotEmpty();
        assertThat(ConformanceVectors.check(TABLES.grouper(version), vectors))
                .extracting(ConformanceVectors.Mismatch::what).isEmpty();
    }

    @Test
    void theVectorsCoverEveryOutcomeAndEnoughCases() {
        List<ConformanceVectors.Vector> drg = TABLES.vectors("illustrative-drg-1");
        List<ConformanceVectors.Vector> dip = TABLES.vectors("illustrative-dip-1");
        assertThat(drg).hasSizeGreaterThanOrEqualTo(60);
        assertThat(dip).hasSizeGreaterThanOrEqualTo(40);
        for (List<ConformanceVectors.Vector> vs : List.of(drg, dip)) {
            assertThat(vs).extracting(ConformanceVectors.Vector::outcome).contains(GroupResult.Outcome.values());
            assertThat(vs).allSatisfy(v -> assertThat(v.comment()).isNotBlank());
        }
    }

    @Test
    void theDrgVectorsReachEverySplitConditionEveryMdcAndEveryReason() {
        DrgGrouper g = (DrgGrouper) TABLES.grouper("illustrative-drg-1");
        java.util.Set<String> splits = new java.util.TreeSet<>();
        java.util.Set<String> mdcs = new java.util.TreeSet<>();
        java.util.Set<String> reasons = new java.util.TreeSet<>();
        for (ConformanceVectors.Vector v : TABLES.vectors("illustrative-drg-1")) {
            GroupResult r = g.group(v.c());
            if (r.grouped()) {
                mdcs.add(r.mdc());
                g.table().drgsByAdrg.get(r.adrg()).stream().filter(d -> d.code().equals(r.code()))
                        .forEach(d -> splits.add(d.split().toString()));
            } else {
                reasons.add(r.reason());
            }
        }
        java.util.Set<String> allSplits = new java.util.TreeSet<>();
        g.table().drgsByAdrg.values().forEach(ds -> ds.forEach(d -> allSplits.add(d.split().toString())));
        assertThat(splits).isEqualTo(allSplits);
        assertThat(mdcs).containsAll(g.table().mdcs.keySet());
        assertThat(reasons).contains("missing-principal", "invalid-principal", "invalid-age", "invalid-los",
                "unknown-principal", "mdc-sex-conflict", "mdc-age-conflict", "no-adrg", "ambiguous-adrg");
    }

    @Test
    void aWrongExpectationIsReportedNamingTheCase() {
        ConformanceVectors.Vector v = TABLES.vectors("illustrative-drg-1").get(0);
        ConformanceVectors.Vector wrong = new ConformanceVectors.Vector(v.file(), v.line(), v.c(), v.outcome(), "AH15",
                "", "", "deliberately wrong");
        assertThat(ConformanceVectors.check(TABLES.grouper("illustrative-drg-1"), List.of(wrong)))
                .extracting(ConformanceVectors.Mismatch::toString)
                .containsExactly("grouping/illustrative-drg-1/vectors.csv:3: case D001: expected group AH15, got AH11");
    }
}
