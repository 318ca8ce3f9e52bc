package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;

/** Values are looked up "as of" a date (STYLE §1). */
class PolicyAsOfTest {
    private final PolicyPack pack = Packs.zhanjiang();

    @Test
    void residentsLevel3RatioChangesOn2018_01_01() {
        Rules r2017 = pack.asOf(LocalDate.of(2017, 12, 31));
        Rules r2018 = pack.asOf(LocalDate.of(2018, 1, 1));
        assertThat(r2017.scheme(Scheme.RESIDENT).ratio(Employment.IN_SERVICE, Level.LEVEL3).ppm()).isEqualTo(450_000);
        assertThat(r2018.scheme(Scheme.RESIDENT).ratio(Employment.IN_SERVICE, Level.LEVEL3).ppm()).isEqualTo(500_000);
        assertThat(r2018.scheme(Scheme.RESIDENT).ratio(Employment.IN_SERVICE, Level.LEVEL3).cited().source()).contains("Luo 2020, Table 2-6");
    }

    @Test
    void seriousIllnessStartsIn2013AndPovertyCategoriesIn2017() {
        assertThat(pack.asOf(LocalDate.of(2012, 6, 1)).seriousIllness).isNull();
        Rules r2016 = pack.asOf(LocalDate.of(2016, 6, 1));
        Rules r2017 = pack.asOf(LocalDate.of(2017, 6, 1));
        // before 2017 the poverty categories fall back to the general bands
        assertThat(r2016.seriousIllness.bands(Category.DIRE_POVERTY).threshold()).isEqualTo(2_000_000);
        assertThat(r2017.seriousIllness.bands(Category.DIRE_POVERTY).threshold()).isEqualTo(400_000);
        assertThat(r2016.seriousIllness.bands(Category.GENERAL).rates()).containsExactly(500_000, 600_000, 700_000, 800_000);
        assertThat(r2017.seriousIllness.bands(Category.GENERAL).rates()).containsExactly(500_000, 600_000, 800_000, 800_000);
    }

    @Test
    void employeesAreCoveredFrom2018Only() {
        assertThat(pack.asOf(LocalDate.of(2017, 12, 31)).scheme(Scheme.EMPLOYEE)).isNull();
        assertThat(pack.asOf(LocalDate.of(2018, 1, 1)).scheme(Scheme.EMPLOYEE).waitingMonths()).isEqualTo(6);
    }

    @Test
    void beforeTheFirstDateThereIsNoPolicy() {
        assertThatThrownBy(() -> pack.asOf(LocalDate.of(2008, 12, 31)))
                .isInstanceOf(NoPolicyException.class).hasMessageContaining("2009-01-01");
    }

    @Test
    void covidIsDeclaredFrom2020() {
        assertThat(pack.asOf(LocalDate.of(2019, 12, 31)).emergencies).isEmpty();
        assertThat(pack.asOf(LocalDate.of(2020, 1, 1)).emergencies).singleElement()
                .satisfies(d -> assertThat(d.confirmedCodes()).containsExactly("U07.1"));
    }
}
