package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.error.DomainException;

/** A hand-made version in OpenDRG's DATA layout (src/test/resources/opendrg/mini-2024) loads and groups. */
class OpenDrgLoaderTest {
    static Path fixture() {
        try {
            return Path.of(OpenDrgLoaderTest.class.getResource("/opendrg/mini-2024").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Grouper MINI = OpenDrgLoader.load("mini-2024", fixture().resolve("DATA"),
            fixture().resolve("weights.csv"));

    @Test
    void groupsByTheAdrgDetailAndSplitsByTheDrgCodesLastCharacter() {
        // J18.900 is in ES3's detail; E87.100 is a CC (table 50), the principal is in table 20: ES33 (…3 = with CC)
        GroupResult r = MINI.group(Cases.adult("J18.900", "E87.100", "", 40, "M", 9000));
        assertThat(r.code()).isEqualTo("ES33");
        assertThat(r.mdc()).isEqualTo("E");
        assertThat(r.weightPpm()).isEqualTo(1_050_000);
        assertThat(r.name()).isEqualTo("呼吸系统感染／炎症，伴一般并发症或合并症");
        // R57.000 is an MCC of table 30: ES31
        assertThat(MINI.group(Cases.adult("J18.900", "R57.000", "", 40, "M", 9000)).code()).isEqualTo("ES31");
    }

    @Test
    void aComplicationInThePrincipalsExclusionTableDoesNotCount() {
        // J96.000 (MCC) and J18.900 (principal) are both in exclusion table 20: no complication, ES35
        GroupResult r = MINI.group(Cases.adult("J18.900", "J96.000", "", 40, "M", 9000));
        assertThat(r.code()).isEqualTo("ES35");
        assertThat(r.trace()).anySatisfy(s -> assertThat(s.because()).contains("exclusion table 20"));
        // J18.900 as a CC under an I21 principal (no exclusion table): counts, FR13
        assertThat(MINI.group(Cases.adult("I21.000", "J18.900", "", 60, "M", 9000)).code()).isEqualTo("FR13");
    }

    @Test
    void theAdrgKindComesFromItsSecondLetterAndPreMdcFromMdca() {
        // FM1: 'M' is a non-operative ADRG, before the medical FR1 ('R')
        GroupResult pci = MINI.group(Cases.adult("I21.000x001", "", "36.0701", 60, "M", 40_000));
        assertThat(pci.code()).as("%s", pci).isEqualTo("FM19");
        assertThat(pci.trace().get(2).because()).contains("non-operative");
        // a ventilation of 96 h or more takes the case to AH1 (MDCA) whatever the principal diagnosis
        GroupResult vent = MINI.group(Cases.adult("J96.000", "R57.000", "96.7201", 60, "M", 150_000));
        assertThat(vent.mdc()).isEqualTo("A");
        assertThat(vent.code()).isEqualTo("AH11");
        assertThat(vent.weightPpm()).as("no weight in the region's file").isZero();
        assertThat(MINI.group(Cases.adult("K35.800", "", "", 20, "M", 5000)).reason()).isEqualTo("unknown-principal");
    }

    @Test
    void aRegionLoadsItAsATableVersionBesideTheOthers(@TempDir Path root) throws IOException {
        Path v = Files.createDirectories(root.resolve("grouping/opendrg-mini-2024"));
        copy(fixture(), v);
        Files.writeString(v.resolve("version.yaml"), """
                version: opendrg-mini-2024
                method: drg
                layout: opendrg
                from: 2024-01-01
                source: "test"
                files: {data: DATA, weights: weights.csv, vectors: vectors.csv}
                """);
        GroupingTables tables = GroupingTables.load(root);
        assertThat(tables.version("opendrg-mini-2024").layout()).isEqualTo(TableVersion.OPENDRG);
        assertThat(tables.grouper("opendrg-mini-2024").group(Cases.adult("J18.900", "", "", 40, "M", 9000)).code())
                .isEqualTo("ES35");
        assertThat(tables.vectors("opendrg-mini-2024")).hasSize(8);
        assertThat(ConformanceVectors.check(tables.grouper("opendrg-mini-2024"), tables.vectors("opendrg-mini-2024")))
                .extracting(ConformanceVectors.Mismatch::toString).isEmpty();
    }

    @Test
    void aDrgWhoseSplitIsUnknownIsNamed(@TempDir Path root) throws IOException {
        copy(fixture(), root);
        Files.writeString(root.resolve("DATA/DRG.dat"), "ES3D 呼吸系统感染／炎症，小于等于6岁\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> OpenDrgLoader.load("x", root.resolve("DATA"), null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage())
                        .contains("DRG ES3D: its last character 'D' is not a CHS-DRG split").contains("SPLIT.dat"));
        Files.writeString(root.resolve("DATA/SPLIT.dat"), "ES3D age<=6\n");
        Grouper g = OpenDrgLoader.load("x", root.resolve("DATA"), null);
        assertThat(g.group(Cases.adult("J18.900", "E87.100", "", 5, "F", 3000)).code()).isEqualTo("ES3D");
        assertThat(g.group(Cases.adult("J18.900", "E87.100", "", 7, "F", 3000)).code()).isEqualTo("ES33");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
