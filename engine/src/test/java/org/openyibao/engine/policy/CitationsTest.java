package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;

/** A source a reader cannot check is refused by {@code policy check}, named by file, line and path. */
class CitationsTest {
    static final Bibliography BIBLIOGRAPHY = Bibliography.of(Packs.root());

    private static List<String> problems(String source) {
        return Citations.problems(source, BIBLIOGRAPHY);
    }

    @Test
    void aKeyWithItsTableSectionOrItemIsAValidSource() {
        assertThat(problems("Luo 2020, Table 2-6")).isEmpty();
        assertThat(problems("Luo 2020, §2.9.2: 'surplus funds in the card can be transferred to the following year'")).isEmpty();
        assertThat(problems("He 2020, §4, §4.1")).isEmpty();
        assertThat(problems("Zhang, §3: national standard 'more than 520' from 2019")).isEmpty();
        assertThat(problems("Zhanjiang [2016] No.514, item 2 (Luo 2020, Appendix 1)")).isEmpty();
        assertThat(problems("人力资源和社会保障部, 财政部: 关于进一步加强基本医疗保险基金管理的指导意见 (人社部发〔2009〕67号), 2009")).isEmpty();
    }

    @Test
    void theSeedFilesTheirLinesAndTheReferenceDigestAreRefused() {
        assertThat(problems("seed 003 L1049 Table 2-7")).satisfiesExactly(
                m -> assertThat(m).startsWith("names the project's seed files").contains("Luo 2020, Table 2-7"),
                m -> assertThat(m).startsWith("cites a line number (L1049)"),
                m -> assertThat(m).startsWith("cites no published work"));
        assertThat(problems("Luo 2020, Table 2-7; REFERENCE §2 DECISION: the notice wins"))
                .singleElement().satisfies(m -> assertThat(m).startsWith("cites REFERENCE").contains("docs/decisions.md"));
        assertThat(problems("Luo 2020, Table 2-8 (L1072)")).singleElement().satisfies(m -> assertThat(m).contains("(L1072)"));
        assertThat(problems("DECISION: township centres as level I; the seeds give none"))
                .singleElement().satisfies(m -> assertThat(m).startsWith("names the project's seed files"));
    }

    @Test
    void aKeyNotInTheBibliographyIsNamedWithTheKnownOnes() {
        assertThat(problems("Luo 2021, Table 2-7")).singleElement().satisfies(m ->
                assertThat(m).isEqualTo("unknown bibliography key 'Luo 2021' (known: Luo 2020, He 2020, Zhang, Wang 2019, "
                        + "人社部发〔2009〕67号, Zhanjiang [2016] No.514, CHS-DRG 1.1, DIP 2020, NCCI 2024)"));
        assertThat(problems("Luo 2020, Table 2-7; Smith et al. 2018, p. 12")).singleElement()
                .satisfies(m -> assertThat(m).startsWith("unknown bibliography key 'Smith et al. 2018'"));
        // a place and a year are no citation
        assertThat(problems("DECISION: illustrative basic tier, Zhanjiang 2018 value (Luo 2020, Table 2-6)")).isEmpty();
    }

    @Test
    void aChoiceOfOursSaysWhy() {
        assertThat(problems("DECISION: township centres as level I")).isEmpty();
        assertThat(problems("DECISION, docs/decisions.md#waiting-period")).isEmpty();
        assertThat(problems("SCENARIO si-50: a 50% serious-illness ratio")).isEmpty();
        assertThat(problems("DECISION")).singleElement().satisfies(m -> assertThat(m).startsWith("a DECISION, SCENARIO or REFORM says why"));
        assertThat(problems("REFORM: lower")).singleElement().satisfies(m -> assertThat(m).startsWith("a DECISION, SCENARIO or REFORM says why"));
        assertThat(problems("a typo for 0.50")).singleElement().satisfies(m -> assertThat(m).startsWith("cites no published work"));
    }

    /** The shipped reforms and scenarios cite as the packs do (the packs: PackValidationTest.theShippedPacksAreValid). */
    @Test
    void theShippedReformsAndScenariosCitePublishedWorks() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(Packs.root().resolve("zhanjiang/reforms")),
                Files.list(Packs.root().resolve("zhanjiang/scenarios")))) {
            List<Path> overlays = s.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(overlays).hasSizeGreaterThanOrEqualTo(3);
            for (Path overlay : overlays) {
                assertThat(PackLoader.checkReform(Packs.zhanjiang(), overlay, BIBLIOGRAPHY)).as(overlay.toString()).isEmpty();
            }
        }
    }

    @Test
    void policyCheckNamesTheFileLineAndPathOfASourceThatCitesTheSeeds(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/resident.yaml");
        String before = "{value: 0.50, source: \"Luo 2020, Table 2-6\"}";
        String text = Files.readString(file);
        assertThat(text).contains(before);
        Files.writeString(file, text.replace(before, "{value: 0.50, source: \"seed 003 L1039 Table 2-6\"}"));
        List<Problem> problems = PackLoader.check(root.resolve("zhanjiang"));
        assertThat(problems).hasSize(3).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("zhanjiang/resident.yaml");
            assertThat(p.path()).isEqualTo("resident.inpatient.ratio.level3");
            assertThat(p.line()).isEqualTo(PackValidationTest.lineOf(file, "seed 003 L1039"));
            assertThat(p.message()).startsWith("source: ");
        });
        // loading to settle does not fail on it: only the check refuses it
        assertThat(PackLoader.load(root.resolve("zhanjiang")).region()).isEqualTo("zhanjiang");
    }

    @Test
    void aReformsBadSourceIsReportedUnderTheReformsFile(@TempDir Path tmp) throws IOException {
        Path reform = Files.writeString(tmp.resolve("what-if.yaml"), """
                reform:
                  name: what-if
                  source: "REFERENCE §3"
                resident:
                  inpatient:
                    ratio:
                      unit: ratio
                      level3:
                        values:
                          2019-01-01: {value: 0.55, source: "Luo 2021, Table 2-6"}
                """);
        List<Problem> problems = PackLoader.checkReform(Packs.zhanjiang(), reform, BIBLIOGRAPHY);
        assertThat(problems).extracting(Problem::file).containsOnly(reform.toString());
        assertThat(problems).extracting(Problem::line, Problem::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "reform.source"), org.assertj.core.groups.Tuple.tuple(3, "reform.source"),
                org.assertj.core.groups.Tuple.tuple(10, "resident.inpatient.ratio.level3"));
        assertThat(problems.get(2).message()).contains("unknown bibliography key 'Luo 2021'");
    }
}
