package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.Packs;
import org.openyibao.engine.policy.Problem;

class GroupingCheckTest {
    @Test
    void theShippedTablesAndZhanjiangsSelectionPass() {
        assertThat(GroupingCheck.problems(Packs.root(), Packs.root().resolve("zhanjiang"))).isEmpty();
    }

    @Test
    void versionsStandSideBySideAndTheRegionSwitchesOnADate() {
        TableSelection s = TableSelection.of(Packs.root().resolve("zhanjiang"));
        assertThat(s.version(Method.DRG, LocalDate.of(2023, 12, 31))).contains("illustrative-drg-1");
        assertThat(s.version(Method.DRG, LocalDate.of(2024, 1, 1))).contains("illustrative-drg-2");
        // the same PCI case: group FM15 in both, weight 3.18 in version 1 and 3.18 x 0.8 = 2.544 in version 2
        DischargedCase pci = Cases.adult("I21.0", "", "00.66 36.07", 60, "M", 40_000);
        GroupResult v1 = GroupingTablesTest.TABLES.grouper("illustrative-drg-1").group(pci);
        GroupResult v2 = GroupingTablesTest.TABLES.grouper("illustrative-drg-2").group(pci);
        assertThat(v1.code()).isEqualTo(v2.code()).isEqualTo("FM15");
        assertThat(v1.weightPpm()).isEqualTo(3_180_000);
        assertThat(v2.weightPpm()).isEqualTo(2_544_000);
        // average cost 2.544 x 12,400 = 31,545.60 yuan
        assertThat(v2.averageCostFen()).isEqualTo(3_154_560);
        assertThat(v2.version()).isEqualTo("illustrative-drg-2");
    }

    @Test
    void aBrokenVectorAnUnknownVersionAndAnUncitedSourceAreNamed(@TempDir Path tmp) throws IOException {
        copy(Packs.root().resolve("grouping"), tmp.resolve("grouping"));
        Files.copy(Packs.root().resolve("bibliography.yaml"), tmp.resolve("bibliography.yaml"));
        Path vectors = tmp.resolve("grouping/illustrative-dip-1/vectors.csv");
        Files.writeString(vectors, Files.readString(vectors).replace("P001,I21.0,,00.66 36.06,60,0,M,5,1,0,30000.00,grouped,I21-01",
                "P001,I21.0,,00.66 36.06,60,0,M,5,1,0,30000.00,grouped,I21-02"));
        Path region = Files.createDirectories(tmp.resolve("somewhere"));
        Files.writeString(region.resolve("grouping.yaml"), """
                drg:
                  - {version: illustrative-drg-9, from: 2019-01-01, source: "DECISION (docs/decisions.md#x): test"}
                  - {version: illustrative-dip-1, from: 2020-01-01, source: "my guess"}
                dip:
                  - {version: illustrative-dip-1, from: 2019-01-01, source: "DECISION (docs/decisions.md#x): test"}
                  - {version: illustrative-dip-1, from: 2019-01-01, source: "DECISION (docs/decisions.md#x): again"}
                """);
        assertThat(GroupingCheck.problems(tmp, region)).extracting(Problem::toString).containsExactly(
                "grouping/illustrative-dip-1/vectors.csv:3: case P001: expected group I21-02, got I21-01",
                "somewhere/grouping.yaml: drg.illustrative-drg-9: no grouping table version 'illustrative-drg-9' (known: "
                        + GroupingTables.load(tmp).versions() + ")",
                "somewhere/grouping.yaml: drg.illustrative-dip-1: is a dip table, listed under drg",
                "somewhere/grouping.yaml: drg.illustrative-dip-1: " + org.openyibao.engine.policy.Citations.problems(
                        "my guess", org.openyibao.engine.policy.Bibliography.of(tmp)).get(0),
                "somewhere/grouping.yaml: dip.illustrative-dip-1: a second dip version from 2019-01-01: one version a"
                        + " method a date");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
