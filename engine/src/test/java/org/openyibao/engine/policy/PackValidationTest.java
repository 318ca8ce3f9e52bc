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

/** A bad pack is refused with problems that name file, line and parameter path. */
class PackValidationTest {
    @TempDir
    Path tmp;

    private Path copyOfZhanjiang() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "pack");
        try (Stream<Path> s = Files.list(Packs.root().resolve("zhanjiang"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        return dir;
    }

    private List<Problem> checkAfter(String file, String from, String to) throws IOException {
        Path dir = copyOfZhanjiang();
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as("test fixture: text to replace in " + file).contains(from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return PackLoader.check(dir);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        return -1;
    }

    @Test
    void theShippedPacksAreValid() throws IOException {
        try (Stream<Path> s = Files.list(Packs.root())) {
            for (Path dir : s.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).toList()) {
                assertThat(PackLoader.check(dir)).as(dir.toString()).isEmpty();
            }
        }
    }

    @Test
    void unknownKeyIsNamedWithFileLineAndTheKeysAllowed() throws IOException {
        List<Problem> problems = checkAfter("resident.yaml", "    deductible_basis:", "    deductable_basis:");
        // the misspelt key, then what its absence leaves unset
        assertThat(problems).hasSize(2);
        assertThat(problems.get(1).message()).contains("gap in dates: no value on 2009-01-01, needed by tier basic_pooling");
        Problem p = problems.get(0);
        assertThat(p.file()).isEqualTo("resident.yaml");
        assertThat(p.line()).isEqualTo(lineOf(Packs.root().resolve("zhanjiang/resident.yaml"), "    deductible_basis:"));
        assertThat(p.path()).isEqualTo("resident.inpatient.deductable_basis");
        assertThat(p.message()).contains("unknown key 'deductable_basis'").contains("deductible_basis");
    }

    @Test
    void wrongUnitIsRefused() throws IOException {
        List<Problem> problems = checkAfter("employee.yaml", "  annual_cap:\n      unit: currency",
                "  annual_cap:\n      unit: ratio");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("employee.yaml");
            assertThat(p.path()).isEqualTo("employee.basic.annual_cap");
            assertThat(p.message()).contains("wrong unit 'ratio', expected 'currency'");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void ratioOutsideZeroOneIsRefusedWithAHint() throws IOException {
        List<Problem> problems = checkAfter("employee.yaml", "{value: 0.85, source: \"seed 003 L1067 Table 2-8\"}",
                "{value: 85, source: \"seed 003 L1067 Table 2-8\"}");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("employee.inpatient.ratio.in_service.level2");
            assertThat(p.message()).contains("ratio 85 outside [0,1]").contains("0.85");
            assertThat(p.line()).isEqualTo(lineOf(Packs.root().resolve("zhanjiang/employee.yaml"), "value: 0.85, source: \"seed 003 L1067"));
        });
    }

    @Test
    void overlappingBandsAreRefused() throws IOException {
        List<Problem> problems = checkAfter("serious_illness.yaml",
                "2013-01-01: {value: 50000, source: \"seed 003 L1050 Table 2-7\"}",
                "2013-01-01: {value: 20000, source: \"seed 003 L1050 Table 2-7\"}");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("serious_illness.yaml");
            assertThat(p.path()).isEqualTo("serious_illness.bands.general.brackets[1].threshold");
            assertThat(p.message()).contains("overlapping bands").contains("20000.00");
        });
    }

    @Test
    void aGapInDatesIsFoundWhereATierNeedsTheValue() throws IOException {
        // the employees' annual cap starting a year after their tiers do leaves 2018 without one
        List<Problem> problems = checkAfter("employee.yaml",
                "2018-01-01: {value: 100000, source: \"seed 003 L1064, L1066: annual cumulative maximum payment 100,000\"}",
                "2019-01-01: {value: 100000, source: \"seed 003 L1064, L1066: annual cumulative maximum payment 100,000\"}");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("employee.basic.annual_cap");
            assertThat(p.message()).contains("gap in dates").contains("2018-01-01").contains("basic_pooling");
            assertThat(p.file()).isEqualTo("employee.yaml");
        });
    }

    @Test
    void aValueWithoutSourceIsRefused() throws IOException {
        List<Problem> problems = checkAfter("classification.yaml",
                "    source: \"DECISION (illustrative): seeds give no self-pay-first ratio; national practice is 5-20% by item\"\n", "");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("classification.default_self_pay_first_ratio");
            assertThat(p.message()).contains("no source");
        });
    }

    @Test
    void badDatesAndBadYamlAreLocated() throws IOException {
        List<Problem> problems = checkAfter("classification.yaml", "2009-01-01: 0.10", "2009-13-01: 0.10");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("'2009-13-01' is not a date"));
        List<Problem> yaml = checkAfter("emergency.yaml", "regions: [all]", "regions: [all");
        assertThat(yaml).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("emergency.yaml");
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void tierOrderIsChecked() throws IOException {
        List<Problem> problems = checkAfter("employee.yaml",
                "value: [eligibility, basic_pooling, large_amount, medical_assistance, emergency_cover, individual_account]",
                "value: [eligibility, basic_pooling, individual_account, large_amount, medical_assistance, emergency_cover]");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("cannot pay after individual_account"));
    }

    @Test
    void problemsPrintAsFileLinePathMessage() {
        assertThat(new Problem("resident.yaml", 12, "resident.tiers", "gap").toString())
                .isEqualTo("resident.yaml:12: resident.tiers: gap");
    }
}
