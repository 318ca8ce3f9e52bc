package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.cli.CommandLineTest.repo;
import static org.openyibao.cli.CommandLineTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.cli.CommandLineTest.Run;

/** {@code yibao policy}: the works a pack cites, a reform's problems under its own name, a date in words. */
class PolicyCommandTest {
    @TempDir
    Path tmp;

    private static String zhanjiang() {
        return repo().resolve("policies/zhanjiang").toString();
    }

    @Test
    void showPrintsTheFullEntriesOfTheWorksItsValuesCiteAfterTheValues() {
        Run r = run(null, "policy", "show", "zhanjiang", "--date", "2018-06-01");
        assertThat(r.exit()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("resident.inpatient.ratio.level3 = 0.5  (since 2018-01-01, zhanjiang/resident.yaml:")
                .doesNotContain("seed 0").doesNotContain("REFERENCE");
        String works = out.substring(out.indexOf("\nWorks cited (policies/bibliography.yaml, docs/bibliography.md):\n"));
        assertThat(out.indexOf("resident.inpatient.ratio.level3")).as("the works come after the values").isLessThan(out.indexOf(works));
        assertThat(works).contains("\n  Luo 2020: Luo Liming (2020). The Security Effect and Operating Mechanism of the \"Zhanjiang Model\""
                        + " of the Serious Illnesses Medical Insurance System. Thesis (Doctor of Management), ISCTE – University"
                        + " Institute of Lisbon. https://iscte-iul.pt/tese/11431\n")
                .contains("\n  Zhanjiang [2016] No.514: Human Resources and Social Security Bureau of Zhanjiang (2016). Notice of the"
                        + " adjustment in serious illness medical insurance. Government document.\n")
                .contains("\n  人社部发〔2009〕67号: 人力资源和社会保障部") // the fund reserve bands, inherited from national-base
                .contains("DECISION, SCENARIO and REFORM mark choices of ours")
                .contains("\n  He 2020: ") // the hospital budget: emergency cases outside it, from 2010
                .doesNotContain("Zhang") // the 520 yuan subsidy starts in 2019
                .doesNotContain("Wang 2019"); // cited by no value
        assertThat(run(null, "policy", "show", "zhanjiang", "--date", "2020-06-01").out())
                .contains("\n  Zhang: Zhang Gaotong (n.d.). Research on the Integration of Medical Security System")
                .contains("\n  He 2020: He Wei, Liu Huan, Hu Tiantian (2020). Synergistic mechanism of basic medical insurance and"
                        + " public health policy under major public crisis. Preprint, Research Square."
                        + " https://doi.org/10.21203/rs.3.rs-76722/v1\n");
    }

    @Test
    void anImpossibleDateIsRefusedInWordsNamingTheOption() {
        Run r = run(null, "policy", "show", "zhanjiang", "--date", "2018-02-30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("Invalid value for option '--date': '2018-02-30' is not a day of the calendar (YYYY-MM-DD")
                .doesNotContain("java.").doesNotContain("LocalDate").doesNotContain("Exception");
        assertThat(run(null, "policy", "show", "zhanjiang", "--date", "1 June 2018").err())
                .startsWith("Invalid value for option '--date': '1 June 2018' is not a date: write YYYY-MM-DD");
    }

    @Test
    void aReformsProblemsAreReportedUnderTheReformsName() throws IOException {
        Path reform = Files.writeString(tmp.resolve("typo.yaml"), """
                reform:
                  name: typo
                resident:
                  inpatient:
                    ratio:
                      unit: ratio
                      level3:
                        values:
                          2019-01-01: {value: 55, source: "seed 003 L1039"}
                """);
        Run r = run(null, "policy", "check", zhanjiang(), "--reform", reform.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).allSatisfy(line -> assertThat(line).doesNotStartWith("zhanjiang/"));
        assertThat(r.err()).contains(reform + ":9: resident.inpatient.ratio.level3: ratio 55 outside [0,1]")
                .contains(reform + ":9: resident.inpatient.ratio.level3: source: names the project's seed files")
                .endsWith("4 problems in reform " + reform + " (on " + zhanjiang() + ")\n");
    }

    @Test
    void theShippedReformChecksOnItsPack() {
        String reform = repo().resolve("policies/zhanjiang/reforms/si-threshold-15000.yaml").toString();
        Run r = run(null, "policy", "check", zhanjiang(), "--reform", reform);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ok: reform " + reform + " on zhanjiang");
        Run missing = run(null, "policy", "check", zhanjiang(), "--reform", tmp.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: --reform: " + tmp.resolve("none.yaml") + " is not a file\n");
    }

    /** docs/policy-packs.md's reform example is a valid reform of the Zhanjiang pack, as written. */
    @Test
    void theDocsReformExampleChecks() throws IOException {
        String doc = Files.readString(repo().resolve("docs/policy-packs.md"));
        Matcher m = Pattern.compile("(?s)## Reforms\\n.*?```yaml\\n(.*?)```").matcher(doc);
        assertThat(m.find()).as("a yaml example under ## Reforms").isTrue();
        Path example = Files.writeString(tmp.resolve("example.yaml"), m.group(1));
        Run r = run(null, "policy", "check", zhanjiang(), "--reform", example.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Run shown = run(null, "policy", "show", "zhanjiang", "--date", "2021-06-01", "--reform", example.toString());
        assertThat(shown.out()).contains("with reform ").contains("REFORM");
    }

    @Test
    void checkCoversTheSupervisionRuleSetsAndTheRegionsSelection() throws IOException {
        Run r = run(null, "policy", "check", zhanjiang());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ok: supervision: 1 rule sets [illustrative-1], 18 rules, each naming a check class;"
                + " zhanjiang screens with illustrative-1 from 2019-01-01");
        // a copy of the policies whose region selects a version that does not exist
        Path root = tmp.resolve("policies");
        copy(repo().resolve("policies"), root);
        Files.writeString(root.resolve("zhanjiang/supervision.yaml"), """
                versions:
                  - version: illustrative-9
                    from: 2019-01-01
                    source: "DECISION (docs/decisions.md#supervision-illustrative-rules): a test"
                """);
        Run bad = run(null, "policy", "check", root.resolve("zhanjiang").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("zhanjiang/supervision.yaml:2: illustrative-9: no supervision rule set"
                + " 'illustrative-9' (known: [illustrative-1])\n1 problem in the supervision rules\n");
        // a rule that names a check class that does not exist
        Path rules = root.resolve("supervision/illustrative-1/rules.yaml");
        Files.writeString(rules, Files.readString(rules).replace("check: LongStay", "check: LongStays"));
        Run unknown = run(null, "policy", "check", root.resolve("zhanjiang").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("<pack>: supervision/illustrative-1/rules.yaml:")
                .contains(".check: no check class 'LongStays' (known: [");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
