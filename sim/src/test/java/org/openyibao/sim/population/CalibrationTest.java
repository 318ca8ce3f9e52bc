package org.openyibao.sim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/** The generated region against seed 003 (REFERENCE §9) and the OOP per capita after settlement (Table 4-1). */
class CalibrationTest {
    static final Region ZJ = Region.KNOWN.get("zhanjiang");

    static PolicyPack pack() {
        return PackLoader.load(Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang"));
    }

    @Test
    void fiftyThousandPersonsMatchTheSeeds() {
        Generator g = new Generator(ZJ, 2018, 42, 50_000, Generator.DEFAULT_PART_HOUSEHOLDS);
        Calibration c = new Calibration();
        for (Iterator<Household> it = g.households(); it.hasNext(); ) c.add(it.next(), LocalDate.of(2018, 1, 1), null);
        assertThat(c.persons()).isEqualTo(50_000);
        double[] target = ZJ.targets().ageShares();
        for (int a = 0; a < 4; a++) assertThat(c.ageShare(a)).isCloseTo(target[a], within(1.5));
        assertThat(c.householdSize()).isBetween(3.9, 4.2);
        assertThat(c.agriculturalShare()).isCloseTo(63.03, within(1.5));
        assertThat(c.incomePerCapita()).isCloseTo(21_426.90, within(21_426.90 * 0.05));
        assertThat(c.spendingPerCapita()).isCloseTo(15_302.70, within(15_302.70 * 0.05));
        assertThat(c.foodPerCapita()).isCloseTo(6_473.10, within(6_473.10 * 0.05));
        assertThat(c.visitsPerPerson()).isBetween(1.2, 1.55);
    }

    @Test
    void twoHundredTwentyFourDesignatedHospitalsByLevel() {
        Generator g = new Generator(ZJ, 2018, 1, 10, 10);
        Map<Level, Integer> hospitals = new TreeMap<>();
        for (Institution i : g.institutions()) {
            if (i.kind().equals("hospital") || i.kind().equals("township_centre")) hospitals.merge(i.level(), 1, Integer::sum);
        }
        // seed 003 L1107–1113 Table 2-10
        assertThat(hospitals).isEqualTo(Map.of(Level.TOWNSHIP, 89, Level.LEVEL1, 92, Level.LEVEL2, 38, Level.LEVEL3, 5));
        assertThat(g.institutions().stream().filter(i -> i.kind().equals("village_station"))).hasSize(2_156);
    }

    @Test
    void outOfPocketPerCapitaNearTable41() {
        PolicyPack pack = pack();
        Generator g = new Generator(ZJ, 2018, 7, 20_000, Generator.DEFAULT_PART_HOUSEHOLDS);
        Calibration c = new Calibration();
        long oop = 0, persons = 0, medfee = 0;
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            Household h = it.next();
            for (Member m : h.members()) {
                persons++;
                var acc = org.openyibao.engine.settlement.Accumulators.start(2018, m.accountBalanceFen());
                for (VisitRecord v : m.visits()) {
                    var s = org.openyibao.engine.settlement.SettlementEngine.settle(pack.asOf(v.date()), m.person(), v.visit(),
                            acc, false);
                    oop += s.psnPartAmt();
                    medfee += s.medfeeSumamt();
                    acc = s.after();
                }
            }
        }
        double perCapita = oop / 100.0 / persons;
        System.out.printf("OOP per capita %.2f yuan, medical cost per capita %.2f, persons %d%n", perCapita,
                medfee / 100.0 / persons, persons);
        // seed 003 L1543 Table 4-1: 1,015.80 yuan; ±20% is the calibration goal
        assertThat(perCapita).isCloseTo(1_015.80, within(1_015.80 * 0.20));
    }
}
