package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.policy.Problem;

/** What policy check says of the supervision rule sets and a region's selection. */
class SupervisionCheckTest {
    @Test
    void theShippedRuleSetsAndZhanjiangsSelectionAreClean() {
        assertThat(SupervisionCheck.problems(RuleSetsTest.POLICIES, RuleSetsTest.POLICIES.resolve("zhanjiang"))).isEmpty();
    }

    @Test
    void sourcesThatCiteNothingAndUnknownVersionsAreLocated(@TempDir Path root) throws IOException {
        Files.copy(RuleSetsTest.POLICIES.resolve("bibliography.yaml"), root.resolve("bibliography.yaml"));
        Path dir = Files.createDirectories(root.resolve("supervision/s-1"));
        Files.writeString(dir.resolve("rules.yaml"), """
                version: s-1
                from: 2020-01-01
                source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                knowledge: {stay_norms: norms.csv}
                rules:
                  - id: R1
                    name: Long stay
                    kind: medical
                    scene: inpatient
                    stage: after
                    window: stay
                    check: LongStay
                    parameters: {ratio_ppm: 2000000}
                    severity: medium
                    blocking: false
                    source: "seed 003 L1060"
                """);
        Files.writeString(dir.resolve("norms.csv"), """
                diagnosis,level,days,source
                I63,,12,"DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                J18,,9,a number we liked
                """);
        Path region = Files.createDirectories(root.resolve("r"));
        Files.writeString(region.resolve("supervision.yaml"), """
                versions:
                  - {version: s-1, from: 2020-01-01, source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"}
                  - {version: s-2, from: 2020-01-01, source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"}
                """);
        List<Problem> problems = SupervisionCheck.problems(root, region);
        assertThat(problems).extracting(p -> p.file() + ":" + p.line() + " " + p.path()).containsExactly(
                "supervision/s-1/rules.yaml:6 R1.source", "supervision/s-1/rules.yaml:6 R1.source",
                "supervision/s-1/rules.yaml:6 R1.source", "supervision/s-1/norms.csv:3 source",
                "r/supervision.yaml:3 s-2", "r/supervision.yaml:3 s-2");
        assertThat(problems.get(0).message()).startsWith("names the project's seed files");
        assertThat(problems.get(1).message()).startsWith("cites a line number (L1060)");
        assertThat(problems.get(2).message()).startsWith("cites no published work");
        assertThat(problems.get(3).message()).startsWith("cites no published work");
        assertThat(problems.get(4).message()).isEqualTo("a second version from 2020-01-01: one version a date");
        assertThat(problems.get(5).message()).isEqualTo("no supervision rule set 's-2' (known: [s-1])");
    }
}
