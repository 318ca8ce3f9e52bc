package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.policy.PackLoader;

/**
 * The reserve's warning bands are policy data: read from the pack on a date (fund.reserve.months.*, inherited from
 * national-base), and a changed pack value changes the band a balance falls in.
 */
class ReserveBandsTest {
    static final Path POLICIES = Paths.get(System.getProperty("yibao.policies", "../policies"));
    static final BigDecimal MONTHLY = new BigDecimal("10000.00");

    @Test
    void theBandsComeFromThePackOnTheDate() {
        ReserveBands b = ReserveBands.of(PackLoader.load(POLICIES.resolve("zhanjiang")), LocalDate.of(2018, 12, 31));
        assertThat(b).isNotNull();
        assertThat(new int[] {b.riskBelow(), b.lowBelow(), b.highAbove(), b.excessAbove()}).containsExactly(3, 6, 9, 15);
        assertThat(b.source()).contains("人社部发〔2009〕67号");
        assertThat(b.band(months(2.99), MONTHLY)).isEqualTo(ReserveBands.Band.RISK);
        assertThat(b.band(months(3), MONTHLY)).as("exactly 3 months is not under 3").isEqualTo(ReserveBands.Band.LOW);
        assertThat(b.band(months(6), MONTHLY)).isEqualTo(ReserveBands.Band.REASONABLE);
        assertThat(b.band(months(9), MONTHLY)).isEqualTo(ReserveBands.Band.REASONABLE);
        assertThat(b.band(months(9.01), MONTHLY)).isEqualTo(ReserveBands.Band.HIGH);
        assertThat(b.band(months(15.5), MONTHLY)).isEqualTo(ReserveBands.Band.EXCESS);
        assertThat(b.band(months(-1), MONTHLY)).as("a negative balance").isEqualTo(ReserveBands.Band.RISK);
        assertThat(b.band(months(5), BigDecimal.ZERO)).isEqualTo(ReserveBands.Band.NO_SPENDING);
        assertThat(ReserveBands.of(PackLoader.load(POLICIES.resolve("zhanjiang")), LocalDate.of(2014, 12, 31)))
                .as("before the pack's date: no bands").isNull();
    }

    @Test
    void aChangedPackValueChangesTheBand(@TempDir Path tmp) throws IOException {
        copy(POLICIES.resolve("national-base"), tmp.resolve("national-base"));
        copy(POLICIES.resolve("zhanjiang"), tmp.resolve("zhanjiang"));
        Path file = tmp.resolve("national-base/fund_reserve.yaml");
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        // the reasonable range starts at 8 months instead of 6 from 2018
        Files.writeString(file, yaml.replace("""
                      low_below:
                        unit: months
                        values:
                          2015-01-01: 6
                """, """
                      low_below:
                        unit: months
                        values:
                          2015-01-01: 6
                          2018-01-01: 8
                """), StandardCharsets.UTF_8);
        assertThat(PackLoader.check(tmp.resolve("zhanjiang"))).as("policy check").isEmpty();
        var pack = PackLoader.load(tmp.resolve("zhanjiang"));
        assertThat(ReserveBands.of(pack, LocalDate.of(2017, 12, 31)).band(months(7), MONTHLY)).isEqualTo(ReserveBands.Band.REASONABLE);
        ReserveBands changed = ReserveBands.of(pack, LocalDate.of(2018, 12, 31));
        assertThat(changed.lowBelow()).isEqualTo(8);
        assertThat(changed.band(months(7), MONTHLY)).isEqualTo(ReserveBands.Band.LOW);
    }

    private static BigDecimal months(double m) {
        return MONTHLY.multiply(BigDecimal.valueOf(m));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
