package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.error.DomainException;

/** Loading the rule sets and the region's selection; a bad rule names its file, line and field. */
class RuleSetsTest {
    static final Path POLICIES = Path.of("..", "policies");

    @Test
    void theIllustrativeSetLoadsWithEveryRuleAndItsKnowledge() {
        RuleSet set = RuleSets.load(POLICIES).version("illustrative-1");
        assertThat(set.rules()).hasSize(18);
        assertThat(set.rules()).extracting(Rule::check).containsExactlyInAnyOrderElementsOf(Checks.names());
        Rule readmission = set.rules().stream().filter(r -> r.id().equals("MGT-READMISSION")).findFirst().orElseThrow();
        assertThat(readmission.parameter("days")).isEqualTo(15);
        assertThat(readmission.window()).isEqualTo(new Window(Window.Unit.ROLLING_DAYS, 15));
        assertThat(readmission.file()).isEqualTo("supervision/illustrative-1/rules.yaml");
        Rule longStay = set.rules().stream().filter(r -> r.id().equals("MED-LONG-STAY")).findFirst().orElseThrow();
        assertThat(longStay.parameter("ratio_ppm")).isEqualTo(2_000_000L);
        assertThat(set.knowledge().item("F001").orElseThrow().treatment()).isFalse();
        assertThat(set.knowledge().item("F007").orElseThrow().maxAge()).isEqualTo(55);
        assertThat(set.knowledge().stayNorm("I63.9", org.openyibao.engine.policy.Level.LEVEL3).orElseThrow().days()).isEqualTo(14);
    }

    @Test
    void zhanjiangSelectsTheIllustrativeSetFrom2019() {
        RuleSelection sel = RuleSelection.of(POLICIES.resolve("zhanjiang"));
        assertThat(sel.require(LocalDate.of(2024, 5, 1))).isEqualTo("illustrative-1");
        assertThat(sel.version(LocalDate.of(2018, 12, 31))).isEmpty();
        assertThatThrownBy(() -> sel.require(LocalDate.of(2018, 12, 31))).isInstanceOf(DomainException.class)
                .hasMessage("no supervision rule set is in force on 2018-12-31");
    }

    private static Path set(Path root, String rules) throws IOException {
        Path dir = root.resolve("supervision/bad-1");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rules.yaml"), """
                version: bad-1
                from: 2020-01-01
                source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                rules:
                  - id: R1
                    name: Sex
                    kind: policy
                    scene: [outpatient]
                    stage: during
                    window: visit
                    check: ItemSexLimit
                    severity: high
                    blocking: true
                    source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                """ + rules);
        return dir;
    }

    private static final String RULE2 = """
              - id: R2
                name: Readmission
                kind: management
                scene: inpatient
                stage: after
                window: rolling_days 15
                check: ReadmissionSameDiagnosis
                parameters: {days: 15}
                severity: high
                blocking: false
                source: "DECISION (docs/decisions.md#supervision-illustrative-rules): test"
            """;

    @Test
    void aGoodSecondRuleLoads(@TempDir Path root) throws IOException {
        assertThat(RuleSets.read(set(root, RULE2)).rules()).extracting(Rule::id).containsExactly("R1", "R2");
    }

    @Test
    void aMisspelledSeverityNamesFileLineAndField(@TempDir Path root) throws IOException {
        // the second rule starts on line 15; its check on line 21, parameters 22, severity 23
        Path dir = set(root, RULE2.replace("severity: high", "severity: hgih"));
        assertThatThrownBy(() -> RuleSets.read(dir)).isInstanceOf(DomainException.class)
                .hasMessage("supervision/bad-1/rules.yaml:23: rules[1].severity: must be one of low|medium|high, not 'hgih'");
    }

    @Test
    void anUnknownCheckClassAndAMissingParameterAreNamed(@TempDir Path root) throws IOException {
        Path unknown = set(root, RULE2.replace("check: ReadmissionSameDiagnosis", "check: Readmission"));
        assertThatThrownBy(() -> RuleSets.read(unknown)).hasMessageStartingWith(
                "supervision/bad-1/rules.yaml:21: rules[1].check: no check class 'Readmission' (known: [");
        Path missing = set(root, RULE2.replace("parameters: {days: 15}", "parameters: {}"));
        assertThatThrownBy(() -> RuleSets.read(missing))
                .hasMessage("supervision/bad-1/rules.yaml:15: rules[1].parameters.days: is missing");
        Path extra = set(root, RULE2.replace("parameters: {days: 15}", "parameters: {days: 15, weeks: 2}"));
        assertThatThrownBy(() -> RuleSets.read(extra))
                .hasMessage("supervision/bad-1/rules.yaml:22: rules[1].parameters.weeks: is not a parameter of ReadmissionSameDiagnosis (it reads [days])");
        Path window = set(root, RULE2.replace("window: rolling_days 15", "window: rolling_days"));
        assertThatThrownBy(() -> RuleSets.read(window))
                .hasMessage("supervision/bad-1/rules.yaml:20: rules[1].window: rolling_days needs a number of days above 0: 'rolling_days'");
    }

    @Test
    void aBadKnowledgeRowNamesItsFileLineAndColumn(@TempDir Path root) throws IOException {
        Path dir = set(root, "knowledge: {items: items.csv}\n");
        Files.writeString(dir.resolve("items.csv"), """
                code,name,sex,min_age,max_age,indications,min_level,schemes,daily_max,stay_max,treatment,source
                F1,Bed,,,,,,,1,,no,"DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                F2,Scan,,,,,level9,,,,,"DECISION (docs/decisions.md#supervision-illustrative-rules): test"
                """);
        assertThatThrownBy(() -> RuleSets.read(dir)).hasMessage(
                "supervision/bad-1/items.csv:3: min_level: must be one of village|township|level1|level2|level3, not 'level9'");
    }
}
