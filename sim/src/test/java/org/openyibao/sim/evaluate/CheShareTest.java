package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheShareTest {

    /**
     * Table 4-1, Zhanjiang (seed 003 L1546–L1551), from its inputs: medical (OOP) and non-food
     * spending per capita in fen; share = OOP / non-food; before compensation = OOP / 0.3
     * (seed 003 L1537–L1539: a 70% average reimbursement), and its share.
     * 2018: 101,580 / 882,960 = 0.11504… → 11.50%; 101,580 · 100 / 30 = 338,600 fen = 3,386.00;
     * 338,600 / 882,960 = 0.38348… → 38.35%.
     */
    @ParameterizedTest(name = "Zhanjiang {0}")
    @CsvSource({
            "2018, 101580, 882960, 11.50, 338600, 38.35",
            "2017,  93880, 833550, 11.26, 312933, 37.54",
            "2016,  89360, 761820, 11.73, 297867, 39.10",
            "2015,  78280, 701010, 11.17, 260933, 37.22",
            "2014,  71750, 651370, 11.02, 239167, 36.72",
            "2013,  65570, 591630, 11.08, 218567, 36.94"})
    void table41ReproducedFromItsInputs(int year, long oopFen, long nonFoodFen, String sharePercent,
                                        long beforeFen, String beforeSharePercent) {
        assertThat(CheShare.percent(oopFen, nonFoodFen, 2)).isEqualTo(new BigDecimal(sharePercent));
        long before = CheShare.beforeCompensationFen(oopFen, 70);
        assertThat(before).isEqualTo(beforeFen);
        assertThat(CheShare.percent(before, nonFoodFen, 2)).isEqualTo(new BigDecimal(beforeSharePercent));
    }

    @Test
    void table41In2018AsTheReportWritesIt() {
        assertThat(Format.yuan(CheShare.beforeCompensationFen(101580, 70))).isEqualTo("3,386.00");
        assertThat(Format.percent(101580.0 / 882960)).isEqualTo("11.50%");
        assertThat(Format.percent(338600.0 / 882960)).isEqualTo("38.35%");
    }

    /** "higher than" the standard (seed 003 L1481): exactly 20% is not catastrophic at z = 20%. */
    @Test
    void catastrophicIsStrictlyAboveTheThresholdExactly() {
        assertThat(CheShare.catastrophic(200_000, 1_000_000, 20)).isFalse();    // 20.0000%
        assertThat(CheShare.catastrophic(200_001, 1_000_000, 20)).isTrue();     // 20.0001%
        // 1/3 is above 33% and not above 34%, without rounding
        assertThat(CheShare.catastrophic(1, 3, 33)).isTrue();
        assertThat(CheShare.catastrophic(1, 3, 34)).isFalse();
        assertThatThrownBy(() -> CheShare.catastrophic(1, 0, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yuanFromFenExactly() {
        assertThat(Format.yuan(101580L)).isEqualTo("1,015.80");
        assertThat(Format.yuan(-5L)).isEqualTo("-0.05");
        assertThat(Format.yuan(123456789012L)).isEqualTo("1,234,567,890.12");
    }
}
