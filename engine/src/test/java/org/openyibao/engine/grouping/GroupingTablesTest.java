package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.Packs;
import org.openyibao.engine.error.DomainException;

class GroupingTablesTest {
    static final GroupingTables TABLES = GroupingTables.load(Packs.root());

    @Test
    void loadsTheShippedVersionsEachWithItsGrouper() {
        assertThat(TABLES.versions()).contains("illustrative-drg-1", "illustrative-dip-1");
        assertThat(TABLES.grouper("illustrative-drg-1").method()).isEqualTo(Method.DRG);
        assertThat(TABLES.grouper("illustrative-dip-1")).isInstanceOf(DipGrouper.class);
        assertThat(TABLES.version("illustrative-drg-1").from()).isEqualTo(LocalDate.of(2019, 1, 1));
    }

    @Test
    void theCodesOfAVersionAreWhatItGroups() {
        TableCodes drg = TABLES.codes("illustrative-drg-1");
        assertThat(drg.principals()).contains("I21", "J18", "O", "P07").doesNotHaveDuplicates();
        assertThat(drg.complications()).contains("J96.0", "E87.1");
        assertThat(drg.procedures()).contains("36.07", "31.1", "96.72");
        Grouper g = TABLES.grouper("illustrative-drg-1");
        // every listed principal diagnosis reaches an MDC (a newborn's with a newborn's age)
        for (String p : drg.principals()) {
            if (p.length() < 3) continue; // a chapter ("O", "P") is a prefix, not a code a case can carry
            GroupResult r = g.group(p.startsWith("P") ? Cases.newborn(p, 3, 2500) : Cases.adult(p, "", "", 40, "F", 9000));
            assertThat(r.reason()).as(p).isNotIn("unknown-principal", "invalid-principal");
        }
        TableCodes dip = TABLES.codes("illustrative-dip-1");
        assertThat(dip.principals()).contains("C34", "Z51.1");
        assertThat(dip.procedures()).contains("00.66", "93.96");
        assertThat(dip.complications()).isEmpty();
    }

    @Test
    void anUnknownVersionIsANamedError() {
        assertThatThrownBy(() -> TABLES.grouper("drg-1999")).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(GroupingError.UNKNOWN_TABLE_VERSION);
                    assertThat(e.getMessage()).contains("drg-1999");
                });
    }

    @Test
    void aVersionExtendsAnotherAndOverridesOnlyTheFilesItLists(@TempDir Path root) throws IOException {
        Path base = Files.createDirectories(root.resolve("grouping/base-1"));
        Path shipped = Packs.root().resolve("grouping/illustrative-drg-1");
        for (String f : new String[] {"mdc.csv", "mdc_diagnoses.csv", "adrg.csv", "drg.csv", "complications.csv",
                "exclusions.csv"}) Files.copy(shipped.resolve(f), base.resolve(f));
        Files.writeString(base.resolve("version.yaml"), """
                version: base-1
                method: drg
                from: 2019-01-01
                source: "test"
                files: {mdc: mdc.csv, mdc_diagnoses: mdc_diagnoses.csv, adrg: adrg.csv, drg: drg.csv,
                        complications: complications.csv, exclusions: exclusions.csv}
                """);
        Path child = Files.createDirectories(root.resolve("grouping/child-2"));
        // the child doubles one weight: CB39 Lens procedures 0.55 -> 1.10
        Files.writeString(child.resolve("drg.csv"), Files.readString(base.resolve("drg.csv"))
                .replace("CB39,CB3,Lens procedures,*,0.5500,6490.00", "CB39,CB3,Lens procedures,*,1.1000,12980.00"));
        Files.writeString(child.resolve("version.yaml"), """
                version: child-2
                extends: base-1
                from: 2024-01-01
                source: "test"
                files: {drg: drg.csv}
                """);
        GroupingTables t = GroupingTables.load(root);
        DischargedCase cataract = Cases.adult("H25.9", "", "13.41", 70, "F", 6000);
        assertThat(t.grouper("base-1").group(cataract).weightPpm()).isEqualTo(550_000);
        assertThat(t.grouper("child-2").group(cataract).weightPpm()).isEqualTo(1_100_000);
        assertThat(t.grouper("child-2").group(cataract).averageCostFen()).isEqualTo(1_298_000);
        assertThat(t.version("child-2").file("mdc")).isEqualTo(base.resolve("mdc.csv"));
        assertThat(t.version("child-2").method()).isEqualTo(Method.DRG);
    }

    @Test
    void aTableErrorNamesTheFileAndLine(@TempDir Path root) throws IOException {
        Path v = Files.createDirectories(root.resolve("grouping/bad-1"));
        Files.writeString(v.resolve("version.yaml"), """
                version: bad-1
                method: dip
                from: 2019-01-01
                source: "test"
                files: {core: core.csv, comprehensive: comprehensive.csv, procedure_classes: classes.csv}
                """);
        Files.writeString(v.resolve("classes.csv"), "procedure,class,name\n47.01,surgery,Appendectomy\n");
        assertThatThrownBy(() -> GroupingTables.load(root)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(GroupingError.INVALID_TABLE);
            assertThat(e.getMessage()).startsWith("grouping/bad-1/classes.csv:2: class must be");
        });
    }

    @Test
    void theRegionSelectsTheVersionInForceOnTheDischargeDate() {
        TableSelection s = TableSelection.of(Packs.root().resolve("zhanjiang"));
        assertThat(s.version(Method.DRG, LocalDate.of(2020, 6, 1))).contains("illustrative-drg-1");
        assertThat(s.version(Method.DIP, LocalDate.of(2019, 1, 1))).contains("illustrative-dip-1");
        assertThat(s.version(Method.DRG, LocalDate.of(2018, 12, 31))).isEmpty();
        assertThatThrownBy(() -> s.require(Method.DRG, LocalDate.of(2018, 12, 31)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(GroupingError.NO_TABLE_VERSION));
        for (TableSelection.Entry e : s.entries()) assertThat(TABLES.versions()).contains(e.version());
    }

    @Test
    void aRegionWithoutASelectionFileGroupsNothing(@TempDir Path region) {
        assertThat(TableSelection.of(region).version(Method.DRG, LocalDate.of(2024, 1, 1))).isEmpty();
    }
}
