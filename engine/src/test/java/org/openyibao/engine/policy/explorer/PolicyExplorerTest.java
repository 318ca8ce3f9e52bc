package org.openyibao.engine.policy.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;
import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Unit;

/**
 * The policy explorer's model on the shipped Zhanjiang pack, checked by hand against policies/zhanjiang/*.yaml: a
 * value on a date with its history, the difference between two dates, and a reform overlay's problems at their lines
 * or what it changes.
 */
class PolicyExplorerTest {
    static final PolicyPack ZHANJIANG = Packs.zhanjiang();

    static PolicyValue value(List<PolicyValue> values, String path) {
        return values.stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path));
    }

    @Test
    void aValueOnADateWithItsSourceAndHistory() throws IOException {
        // resident.yaml: level3 ratio 0.45 from 2009-01-01 (Luo 2020, Appendix 2), 0.50 from 2018-01-01 (Table 2-6)
        PolicyValue v = value(PolicyValues.on(ZHANJIANG, LocalDate.of(2017, 12, 31)), "resident.inpatient.ratio.level3");
        assertThat(v.unit()).isEqualTo(Unit.RATIO);
        assertThat(v.section()).isEqualTo("resident");
        assertThat(v.group()).isEqualTo("resident.inpatient.ratio");
        assertThat(v.key()).isEqualTo("level3");
        assertThat(v.file()).isEqualTo("zhanjiang/resident.yaml");
        assertThat(v.value()).isEqualTo(450_000);
        assertThat(v.inForce().from()).isEqualTo(LocalDate.of(2009, 1, 1));
        assertThat(v.inForce().source()).isEqualTo("Luo 2020, Appendix 2 (the 2010 report). DECISION: used from 2009 until 2017");
        assertThat(v.history()).extracting(Dated::value).containsExactly(450_000, 500_000);
        assertThat(v.history()).extracting(Dated::from).containsExactly(LocalDate.of(2009, 1, 1), LocalDate.of(2018, 1, 1));
        assertThat(v.isInForce(v.history().get(0))).isTrue();
        assertThat(v.isInForce(v.history().get(1))).isFalse();
        assertThat(v.until(v.history().get(0))).isEqualTo(LocalDate.of(2017, 12, 31));
        List<String> lines = Files.readAllLines(Packs.root().resolve("zhanjiang/resident.yaml"));
        assertThat(lines.get(v.inForce().line() - 1)).contains("2009-01-01: {value: 0.45");

        PolicyValue next = value(PolicyValues.on(ZHANJIANG, LocalDate.of(2018, 1, 1)), "resident.inpatient.ratio.level3");
        assertThat(next.value()).isEqualTo(500_000);
        assertThat(next.inForce().source()).isEqualTo("Luo 2020, Table 2-6");
        assertThat(next.until(next.inForce())).as("still in force").isNull();

        // employee.yaml: the employees' annual cap starts in 2018, so in 2017 it has no value
        assertThat(value(PolicyValues.on(ZHANJIANG, LocalDate.of(2017, 6, 1)), "employee.basic.annual_cap").value()).isNull();
        assertThat(value(PolicyValues.on(ZHANJIANG, LocalDate.of(2018, 6, 1)), "employee.basic.annual_cap").value())
                .isEqualTo(10_000_000L); // 100,000 yuan in fen
    }

    @Test
    void scaleBracketsAreNamedByTheirPlaceOnTheDay() {
        List<PolicyValue> v = PolicyValues.on(ZHANJIANG, LocalDate.of(2018, 6, 1));
        // serious_illness.yaml, as `yibao policy show` prints it: above 20,000: 50%, 50,000: 60%, 80,000: 80%, 100,000: 80%
        assertThat(value(v, "serious_illness.bands.general.brackets[0].threshold").value()).isEqualTo(2_000_000L);
        assertThat(value(v, "serious_illness.bands.general.brackets[0].rate").value()).isEqualTo(500_000);
        assertThat(value(v, "serious_illness.bands.general.brackets[3].threshold").value()).isEqualTo(10_000_000L);
        assertThat(value(v, "serious_illness.bands.general.brackets[0].rate").group()).isEqualTo("serious_illness.bands.general");
    }

    @Test
    void theDifferenceBetweenTwoDates() {
        List<PolicyChange> changes = PolicyDifference.between(ZHANJIANG, LocalDate.of(2017, 6, 1), LocalDate.of(2018, 6, 1));
        PolicyChange ratio = changes.stream().filter(c -> c.path().equals("resident.inpatient.ratio.level3")).findFirst().orElseThrow();
        assertThat(ratio.oldValue()).isEqualTo(450_000);
        assertThat(ratio.newValue()).isEqualTo(500_000);
        assertThat(ratio.after().from()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(ratio.after().source()).isEqualTo("Luo 2020, Table 2-6");
        PolicyChange cap = changes.stream().filter(c -> c.path().equals("employee.basic.annual_cap")).findFirst().orElseThrow();
        assertThat(cap.before()).as("no employees' cap before 2018").isNull();
        assertThat(cap.newValue()).isEqualTo(10_000_000L);
        assertThat(changes).extracting(PolicyChange::path)
                .as("500 yuan in 2017 and in 2018: a new source is no difference")
                .doesNotContain("resident.inpatient.deductible.level3");
        assertThat(PolicyDifference.between(ZHANJIANG, LocalDate.of(2018, 6, 1), LocalDate.of(2018, 7, 1))).isEmpty();
    }

    @Test
    void anOverlayWithAnErrorIsReportedAtItsLine() {
        String text = """
                reform:
                  name: typo
                resident:
                  inpatient:
                    ratio:
                      unit: ratio
                      level3:
                        values:
                          2019-01-01: {value: 55, source: "meant 0.55"}
                """;
        OverlayReport r = OverlayCheck.check(ZHANJIANG, "pasted.yaml", text, LocalDate.of(2019, 6, 1));
        assertThat(r.valid()).isFalse();
        assertThat(r.problems()).hasSize(1);
        LineProblem p = r.problems().get(0);
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.text()).isEqualTo("          2019-01-01: {value: 55, source: \"meant 0.55\"}");
        assertThat(p.path()).isEqualTo("resident.inpatient.ratio.level3");
        assertThat(p.message()).contains("ratio 55 outside [0,1]", "write 85% as 0.85");

        OverlayReport broken = OverlayCheck.check(ZHANJIANG, "pasted.yaml", "reform:\n  name: x\n  description: [unclosed\n", LocalDate.of(2019, 6, 1));
        assertThat(broken.problems().get(0).message()).startsWith("not valid YAML");
        assertThat(broken.problems().get(0).line()).isBetween(3, 4);
    }

    @Test
    void aValidOverlayShowsWhatItChangesOnTheDateOrThatItChangesNothing() throws IOException {
        String text = Files.readString(Packs.root().resolve("zhanjiang/reforms/si-threshold-15000.yaml"));
        OverlayReport r = OverlayCheck.check(ZHANJIANG, "si-threshold-15000.yaml", text, LocalDate.of(2020, 6, 1));
        assertThat(r.valid()).isTrue();
        assertThat(r.reformName()).isEqualTo("si-threshold-15000");
        assertThat(r.changes()).hasSize(1);
        PolicyChange c = r.changes().get(0);
        assertThat(c.path()).isEqualTo("serious_illness.bands.general.brackets[0].threshold");
        assertThat(c.oldValue()).isEqualTo(2_000_000L);
        assertThat(c.newValue()).isEqualTo(1_500_000L);
        assertThat(c.after().from()).isEqualTo(LocalDate.of(2019, 1, 1));

        OverlayReport before = OverlayCheck.check(ZHANJIANG, "si-threshold-15000.yaml", text, LocalDate.of(2018, 6, 1));
        assertThat(before.valid()).isTrue();
        assertThat(before.changesNothing()).as("the reform starts in 2019").isTrue();
        assertThat(PolicyValues.on(ZHANJIANG, LocalDate.of(2020, 6, 1))).as("the base pack is unchanged")
                .anyMatch(v -> v.path().equals("serious_illness.bands.general.brackets[0].threshold") && v.value().equals(2_000_000L));
    }
}
