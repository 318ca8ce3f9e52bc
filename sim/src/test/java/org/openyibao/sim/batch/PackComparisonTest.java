package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/** What a reform changes in a year, on the shipped Zhanjiang pack and its reforms. */
class PackComparisonTest {
    static final Path POLICIES = Path.of(System.getProperty("yibao.policies", "../policies"));
    static final PolicyPack BASE = ContributionsTest.PACK;

    private static PolicyPack reform(String file) {
        return PackLoader.applyReform(BASE, POLICIES.resolve("zhanjiang").resolve(file));
    }

    /** si-threshold-15000 starts on 2019-01-01: nothing in 2018; in 2019 the general first threshold 20,000 → 15,000. */
    @Test
    void aReformFrom2019ChangesNothingIn2018() {
        PolicyPack r = reform("reforms/si-threshold-15000.yaml");
        assertThat(PackComparison.inYear(BASE, r, 2018)).isEmpty();
        assertThat(PackComparison.reformDates(BASE, r)).containsExactly(LocalDate.of(2019, 1, 1));
        assertThat(PackComparison.nothingChanged(List.of(), PackComparison.reformDates(BASE, r), 2018))
                .contains("changes nothing in 2018", "2019-01-01", "all after 2018");

        List<PackComparison.Difference> d2019 = PackComparison.inYear(BASE, r, 2019);
        assertThat(d2019).extracting(PackComparison.Difference::path)
                .containsExactly("serious_illness.bands.general.brackets[0].threshold");
        PackComparison.Difference t = d2019.get(0);
        assertThat(t.oldValue()).isEqualTo("20000.00");
        assertThat(t.newValue()).isEqualTo("15000.00");
        assertThat(t.unit()).isEqualTo("currency");
        assertThat(t.effective()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(t.from()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(t.until()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(t.source()).contains("si-threshold-15000");
        assertThat(PackComparison.nothingChanged(d2019, List.of(), 2019)).isNull();
    }

    /** The pack is no difference from itself; its version is a stable digest of its files. */
    @Test
    void noReformNoDifferenceAndAStableVersion() {
        assertThat(PackComparison.inYear(BASE, BASE, 2018)).isEmpty();
        String v = PackComparison.version(POLICIES, "zhanjiang", BASE);
        assertThat(v).matches("sha256:[0-9a-f]{16}").isEqualTo(PackComparison.version(POLICIES, "zhanjiang", BASE));
        assertThat(PackComparison.version(POLICIES, "zhanjiang", BASE)).isNotEqualTo(PackComparison.digest(
                POLICIES.resolve("zhanjiang/reforms/si-threshold-15000.yaml")));
    }

    /** A value that changes within the year is one difference per stretch where it differs, dated by its dates. */
    @Test
    void aDifferenceHoldsFromItsDateToTheYearsEnd() {
        PolicyPack r = reform("scenarios/si-100.yaml");
        List<PackComparison.Difference> d2017 = PackComparison.inYear(BASE, r, 2017);
        assertThat(d2017).isNotEmpty();
        assertThat(d2017).allSatisfy(d -> {
            assertThat(d.from()).isEqualTo(LocalDate.of(2017, 1, 1));
            assertThat(d.until()).isEqualTo(LocalDate.of(2017, 12, 31));
        });
        assertThat(d2017).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("serious_illness.bands.general.brackets[1].threshold");
            assertThat(d.newValue()).isNull();   // one band under the reform: the others have no value
        });
    }
}
