package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;
import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;

/** A bad pack is refused with problems that name file, line and parameter path. */
class PackValidationTest {
    @TempDir
    Path tmp;

    /** A copy of the shipped packs (their top-level files) in a policies directory of its own. */
    private Path copyOfPolicies() throws IOException {
        return copyOfPolicies(tmp);
    }

    /** A copy of the shipped packs (their top-level files) and the bibliography in a policies directory under {@code tmp}. */
    static Path copyOfPolicies(Path tmp) throws IOException {
        Path root = Files.createTempDirectory(tmp, "policies");
        Files.copy(Packs.root().resolve(Bibliography.FILE), root.resolve(Bibliography.FILE));
        try (Stream<Path> packs = Files.list(Packs.root())) {
            for (Path pack : packs.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).toList()) {
                Path to = Files.createDirectory(root.resolve(pack.getFileName().toString()));
                try (Stream<Path> s = Files.list(pack)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
        return root;
    }

    /** The problems of zhanjiang after replacing {@code from} by {@code to} in {@code file} (relative to the policies directory). */
    private List<Problem> checkAfter(String file, String from, String to) throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve(file), from, to);
        return PackLoader.check(root.resolve("zhanjiang"));
    }

    private static void edit(Path f, String from, String to) throws IOException {
        String text = Files.readString(f);
        assertThat(text).as("test fixture: text to replace in " + f).contains(from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    static int lineOf(Path file, String text) throws IOException {
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
        List<Problem> problems = checkAfter("zhanjiang/resident.yaml", "    deductible_basis:", "    deductable_basis:");
        // the misspelt key, then what its absence leaves unset
        assertThat(problems).hasSize(2);
        assertThat(problems.get(1).message()).contains("gap in dates: no value on 2009-01-01, needed by tier basic_pooling");
        Problem p = problems.get(0);
        assertThat(p.file()).isEqualTo("zhanjiang/resident.yaml");
        assertThat(p.line()).isEqualTo(lineOf(Packs.root().resolve("zhanjiang/resident.yaml"), "    deductible_basis:"));
        assertThat(p.path()).isEqualTo("resident.inpatient.deductable_basis");
        assertThat(p.message()).contains("unknown key 'deductable_basis'").contains("deductible_basis");
    }

    @Test
    void wrongUnitIsRefused() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/employee.yaml", "  annual_cap:\n      unit: currency",
                "  annual_cap:\n      unit: ratio");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("zhanjiang/employee.yaml");
            assertThat(p.path()).isEqualTo("employee.basic.annual_cap");
            assertThat(p.message()).contains("wrong unit 'ratio', expected 'currency'");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void ratioOutsideZeroOneIsRefusedWithAHint() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/employee.yaml", "{value: 0.85, source: \"Luo 2020, Table 2-8\"}",
                "{value: 85, source: \"Luo 2020, Table 2-8\"}");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("employee.inpatient.ratio.in_service.level2");
            assertThat(p.message()).contains("ratio 85 outside [0,1]").contains("0.85");
            assertThat(p.line()).isEqualTo(lineOf(Packs.root().resolve("zhanjiang/employee.yaml"), "value: 0.85, source: \"Luo 2020, Table 2-8"));
        });
    }

    @Test
    void overlappingBandsAreRefused() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/serious_illness.yaml",
                "2013-01-01: {value: 50000, source: \"Luo 2020, Table 2-7\"}",
                "2013-01-01: {value: 20000, source: \"Luo 2020, Table 2-7\"}");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("zhanjiang/serious_illness.yaml");
            assertThat(p.path()).isEqualTo("serious_illness.bands.general.brackets[1].threshold");
            assertThat(p.message()).contains("overlapping bands").contains("20000.00");
        });
    }

    @Test
    void aGapInDatesIsFoundWhereATierNeedsTheValue() throws IOException {
        // the employees' annual cap starting a year after their tiers do leaves 2018 without one
        List<Problem> problems = checkAfter("zhanjiang/employee.yaml",
                "2018-01-01: {value: 100000, source: \"Luo 2020, Table 2-8: annual cumulative maximum payment 100,000\"}",
                "2019-01-01: {value: 100000, source: \"Luo 2020, Table 2-8: annual cumulative maximum payment 100,000\"}");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("employee.basic.annual_cap");
            assertThat(p.message()).contains("gap in dates").contains("2018-01-01").contains("basic_pooling");
            assertThat(p.file()).isEqualTo("zhanjiang/employee.yaml");
        });
    }

    @Test
    void aValueWithoutSourceIsRefused() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/classification.yaml",
                "    source: \"DECISION (illustrative): the cited works give no self-pay-first ratio; national practice is 5-20% by item\"\n", "");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("classification.default_self_pay_first_ratio");
            assertThat(p.message()).contains("no source");
        });
    }

    @Test
    void badDatesAndBadYamlAreLocated() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/classification.yaml", "2009-01-01: 0.10", "2009-13-01: 0.10");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("'2009-13-01' is not a date"));
        List<Problem> yaml = checkAfter("national-base/emergency.yaml", "regions: [all]", "regions: [all");
        assertThat(yaml).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("national-base/emergency.yaml");
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void tierOrderIsChecked() throws IOException {
        List<Problem> problems = checkAfter("zhanjiang/employee.yaml",
                "value: [eligibility, basic_pooling, large_amount, medical_assistance, emergency_cover, individual_account]",
                "value: [eligibility, basic_pooling, individual_account, large_amount, medical_assistance, emergency_cover]");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("cannot pay after individual_account"));
    }

    @Test
    void problemsPrintAsFileLinePathMessage() {
        assertThat(new Problem("resident.yaml", 12, "resident.tiers", "gap").toString())
                .isEqualTo("resident.yaml:12: resident.tiers: gap");
    }

    // ---------------------------------------------------------------- odd YAML: problems, never a crash

    @Test
    void aNestedListInADeclarationIsAProblemWithFileLineAndPath() throws IOException {
        List<Problem> problems = checkAfter("national-base/emergency.yaml", "confirmed: [U07.1]", "confirmed: [[U07.1]]");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("national-base/emergency.yaml");
            assertThat(p.line()).isEqualTo(lineOf(Packs.root().resolve("national-base/emergency.yaml"), "confirmed: [U07.1]"));
            assertThat(p.path()).isEqualTo("emergency.declarations.covid19.confirmed");
            assertThat(p.message()).contains("one code, not a list");
        });
        assertThat(checkAfter("national-base/emergency.yaml", "regions: [all]", "regions: [[all], {a: b}]"))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("emergency.declarations.covid19.regions"));
    }

    @Test
    void nestedListsInCodesAndTiersAreProblems() throws IOException {
        assertThat(checkAfter("zhanjiang/resident.yaml", "value: [I10, I11,", "value: [[I10], I11,"))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("resident.special_outpatient.diseases");
                    assertThat(p.message()).contains("one diagnosis code, not a list");
                });
        assertThat(checkAfter("zhanjiang/employee.yaml", "value: [eligibility, basic_pooling, large_amount,",
                "value: [[eligibility], basic_pooling, large_amount,"))
                .anySatisfy(p -> assertThat(p.message()).contains("one tier name, not a list"));
    }

    @Test
    void aKeyThatIsNotAWordIsAProblem() throws IOException {
        // a flow list as a mapping key, in a dated value, a parameter and a declaration
        assertThat(checkAfter("zhanjiang/classification.yaml", "2009-01-01: 0.10", "2009-01-01: {value: 0.10, [note]: x}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("zhanjiang/classification.yaml");
                    assertThat(p.path()).isEqualTo("classification.default_self_pay_first_ratio");
                    assertThat(p.message()).contains("a key is a single word, not a list");
                });
        assertThat(checkAfter("zhanjiang/classification.yaml", "    unit: ratio", "    unit: ratio\n    [x, y]: z"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not a list"));
        assertThat(checkAfter("national-base/emergency.yaml", "      from: 2020-01-01", "      from: 2020-01-01\n      {a: b}: c"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not a mapping"));
    }

    // ---------------------------------------------------------------- "unknown key": exactly the keys accepted

    private static List<String> expected(Problem p) {
        String m = p.message();
        int at = m.indexOf("(expected one of: ");
        assertThat(at).as(m).isPositive();
        return List.of(m.substring(at + "(expected one of: ".length(), m.lastIndexOf(')')).split(", "));
    }

    @Test
    void anUnknownKeyInADeclarationNamesEveryKeyADeclarationTakes() throws IOException {
        Problem p = single(checkAfter("national-base/emergency.yaml", "      from: 2020-01-01", "      from: 2020-01-01\n      colour: red"));
        assertThat(p.message()).startsWith("unknown key 'colour' in a declaration");
        assertThat(expected(p)).containsExactly("name", "description", "confirmed", "suspected", "regions", "from", "until", "source");
        // and each of them is taken
        assertThat(checkAfter("national-base/emergency.yaml", "      from: 2020-01-01", "      from: 2020-01-01\n      until: 2022-12-31"))
                .isEmpty();
    }

    @Test
    void anUnknownKeyInABracketNamesEveryKeyABracketTakes() throws IOException {
        Problem p = single(checkAfter("zhanjiang/serious_illness.yaml", "        - threshold:\n            2013-01-01: {value: 20000",
                "        - colour: red\n          threshold:\n            2013-01-01: {value: 20000"));
        assertThat(p.path()).isEqualTo("serious_illness.bands.general.brackets[0]");
        assertThat(expected(p)).containsExactly("threshold", "rate", "source", "note");
        assertThat(checkAfter("zhanjiang/serious_illness.yaml", "        - threshold:\n            2013-01-01: {value: 20000",
                "        - note: a bracket may carry a note\n          source: \"DECISION: a bracket may carry its own source\"\n          threshold:\n            2013-01-01: {value: 20000"))
                .isEmpty();
    }

    @Test
    void anUnknownKeyAmongParametersAlsoNamesTheDescriptiveKeys() throws IOException {
        Problem p = single(checkAfter("zhanjiang/resident.yaml", "    deductible_basis:", "    colour: red\n    deductible_basis:"));
        assertThat(p.path()).isEqualTo("resident.inpatient.colour");
        assertThat(expected(p)).containsExactly("deductible", "deductible_basis", "ratio",
                "description", "unit", "source", "note", "reference");
        assertThat(checkAfter("zhanjiang/resident.yaml", "    deductible_basis:", "    note: a note\n    reference: REFERENCE §3\n    deductible_basis:"))
                .isEmpty();
    }

    @Test
    void anUnknownKeyInPackYamlNamesEveryKeyPackYamlTakes() throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve("zhanjiang/pack.yaml"), "catalogue: catalogue.csv", "catalogue: catalogue.csv\ncolour: red");
        Problem p = single(PackLoader.check(root.resolve("zhanjiang")));
        assertThat(p.file()).isEqualTo("zhanjiang/pack.yaml");
        assertThat(p.message()).startsWith("unknown key 'colour' in pack.yaml");
        assertThat(expected(p)).containsExactly("region", "name", "admdvs", "description", "source", "extends", "base", "catalogue");
    }

    @Test
    void anUnknownKeyInAReformNamesTheReformHeaderToo(@TempDir Path dir) throws IOException {
        PolicyPack zhanjiang = Packs.zhanjiang();
        Path reform = Files.writeString(dir.resolve("r.yaml"), "reform: {name: r, colour: red}\nresidents: {}\n");
        List<Problem> problems = ((PolicyException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PackLoader.applyReform(zhanjiang, reform))).problems();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).message()).startsWith("unknown key 'colour' in a reform's header");
        assertThat(expected(problems.get(0))).containsExactly("name", "description", "source");
        assertThat(problems.get(1).message()).startsWith("unknown key 'residents'");
        assertThat(expected(problems.get(1))).startsWith("reform").contains("resident", "employee", "serious_illness", "emergency");
    }

    private static Problem single(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    // ---------------------------------------------------------------- extends

    private static Path writePack(Path root, String name, String packYaml, String... files) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("pack.yaml"), packYaml);
        for (int i = 0; i < files.length; i += 2) Files.writeString(dir.resolve(files[i]), files[i + 1]);
        return dir;
    }

    @Test
    void aPackInheritsItsBaseAndReplacesWholeSeries() throws IOException {
        Path root = copyOfPolicies();
        Path dir = writePack(root, "zhanjiang-what-if", """
                region: zhanjiang-what-if
                name: Zhanjiang with a 600 level III deductible
                extends: zhanjiang
                """, "resident.yaml", """
                resident:
                  inpatient:
                    deductible:
                      unit: currency
                      level3:
                        values:
                          2009-01-01: {value: 600, source: "test"}
                """, "emergency.yaml", """
                emergency:
                  declarations:
                    - {name: covid19, confirmed: [U07.1], suspected: [U07.2], from: 2020-02-01, source: "test"}
                """);
        PolicyPack pack = PackLoader.load(dir);
        assertThat(pack.bases()).containsExactly("zhanjiang", "national-base");
        Parameter level3 = pack.parameters().get("resident.inpatient.deductible.level3");
        // the base's 2009 and 2018 values are gone: the pack's own series replaces the base's whole
        assertThat(level3.history()).singleElement().satisfies(d -> assertThat(d.value()).isEqualTo(60000L));
        assertThat(level3.file()).isEqualTo("zhanjiang-what-if/resident.yaml");
        Parameter level2 = pack.parameters().get("resident.inpatient.deductible.level2");
        assertThat(level2).isEqualTo(Packs.zhanjiang().parameters().get("resident.inpatient.deductible.level2"));
        assertThat(level2.file()).isEqualTo("zhanjiang/resident.yaml");
        assertThat(pack.scales().keySet()).isEqualTo(Packs.zhanjiang().scales().keySet());
        // a declaration of the same name replaces the base's
        assertThat(pack.declarations()).singleElement().satisfies(d -> {
            assertThat(d.from()).hasToString("2020-02-01");
            assertThat(d.file()).isEqualTo("zhanjiang-what-if/emergency.yaml");
        });
        assertThat(Packs.zhanjiang().declarations()).singleElement()
                .satisfies(d -> assertThat(d.file()).isEqualTo("national-base/emergency.yaml"));
        assertThat(pack.catalogue().items()).isEqualTo(Packs.zhanjiang().catalogue().items());
        assertThat(pack.catalogueFile()).isEqualTo("zhanjiang/catalogue.csv");
        assertThat(pack.region()).isEqualTo("zhanjiang-what-if");
        assertThat(pack.admdvs()).isNull();
    }

    @Test
    void aMissingBaseIsAProblemAtTheExtendsLine() throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve("zhanjiang/pack.yaml"), "extends: national-base", "extends: nowhere");
        List<Problem> problems = PackLoader.check(root.resolve("zhanjiang"));
        assertThat(problems).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("zhanjiang/pack.yaml");
            assertThat(p.line()).isEqualTo(lineOf(root.resolve("zhanjiang/pack.yaml"), "extends: nowhere"));
            assertThat(p.path()).isEqualTo("extends");
            assertThat(p.message()).contains("no pack 'nowhere' beside this one").contains("nowhere/pack.yaml not found");
        });
        edit(root.resolve("zhanjiang/pack.yaml"), "extends: nowhere", "extends: ../zhanjiang");
        assertThat(PackLoader.check(root.resolve("zhanjiang"))).first()
                .satisfies(p -> assertThat(p.message()).contains("'../zhanjiang' is not a pack's name"));
    }

    @Test
    void aCycleIsAProblemAtTheExtendsLineThatClosesIt() throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve("national-base/pack.yaml"), "base: true", "base: true\nextends: provinces-base");
        List<Problem> problems = PackLoader.check(root.resolve("beijing"));
        assertThat(problems).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("national-base/pack.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.path()).isEqualTo("extends");
            assertThat(p.message()).isEqualTo("a cycle: beijing extends provinces-base extends national-base extends provinces-base");
        });
        edit(root.resolve("national-base/pack.yaml"), "extends: provinces-base", "extends: national-base");
        assertThat(PackLoader.check(root.resolve("national-base"))).first()
                .satisfies(p -> assertThat(p.message()).isEqualTo("a cycle: national-base extends national-base"));
    }

    @Test
    void aProblemInABaseNamesTheBasesFile() throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve("provinces-base/resident.yaml"), "{value: 0.50, source:", "{value: 50, source:");
        for (String pack : List.of("provinces-base", "beijing", "hunan")) {
            assertThat(PackLoader.check(root.resolve(pack))).as(pack).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("provinces-base/resident.yaml");
                assertThat(p.path()).isEqualTo("resident.inpatient.ratio.level3");
            });
        }
    }

    @Test
    void aBasePackIsCheckedButIsNotARegion() throws IOException {
        Path root = Packs.root();
        assertThat(PackLoader.check(root.resolve("provinces-base"))).isEmpty();
        assertThat(PackLoader.read(root.resolve("provinces-base")).base()).isTrue();
        assertThatThrownBy(() -> PackLoader.load(root.resolve("provinces-base")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("a base pack is not a region");
        assertThatThrownBy(() -> PackLoader.load(root, "provinces-base"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineError.UNKNOWN_POLICY);
                    assertThat(e.field()).isEqualTo("region");
                    assertThat(e.getMessage()).contains("'provinces-base' is a base pack, not a region");
                });
        assertThatThrownBy(() -> PackLoader.load(root, "atlantis"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(EngineError.UNKNOWN_POLICY);
                    assertThat(e.getMessage()).contains("unknown region 'atlantis'").contains("zhanjiang").doesNotContain("base");
                });
        assertThat(PackLoader.regions(root)).containsExactly("beijing", "hubei", "hunan", "jilin", "shandong", "zhanjiang");
        assertThat(PackLoader.load(root, "beijing").bases()).containsExactly("provinces-base", "national-base");
    }

    @Test
    void aBasePackHasNoRegion() throws IOException {
        Path root = copyOfPolicies();
        edit(root.resolve("national-base/pack.yaml"), "base: true", "base: true\nregion: china");
        assertThat(PackLoader.check(root.resolve("national-base"))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("national-base/pack.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("a base pack is not a region");
        });
    }

    @Test
    void noTwoShippedPackFilesAreTheSame() throws Exception {
        Map<String, Path> seen = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Packs.root())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
            Path before = seen.putIfAbsent(digest, f);
            assertThat(before).as(f + " repeats another file byte for byte: share it through a base pack (extends)").isNull();
        }
    }
}
