package org.openyibao.sim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Level;
import org.openyibao.sim.population.Region.District;

/**
 * The designated hospitals each district of Zhanjiang gets: seed 003 L1107–1113 Table 2-10 (REFERENCE §9),
 * whose "Zhanjiang City" row (4/15/28/7) covers the five urban districts together and is split among them
 * by registered population (Table 2-5), largest remainder (DECISION, Zhanjiang.java).
 */
class ZhanjiangTest {
    static final Region ZJ = Region.KNOWN.get("zhanjiang");

    /**
     * level3, level2, level1, township by district. Counties: Table 2-10's rows as printed. Urban districts,
     * worked by hand from the registered population (sum 1,658,901):
     * <pre>
     *            share      level3 ×4   level2 ×15   level1 ×28   township ×7
     * Chikan     0.147705   0.591 → 0   2.216 → 2    4.136 → 4    1.034 → 1
     * Xiashan    0.227317   0.909 → 1   3.410 → 3    6.365 → 7    1.591 → 2
     * Potou      0.256822   1.027 → 1   3.852 → 4    7.191 → 7    1.798 → 2
     * Mazhang    0.181576   0.726 → 1   2.724 → 3    5.084 → 5    1.271 → 1
     * Dev. Zone  0.186580   0.746 → 1   2.799 → 3    5.224 → 5    1.306 → 1
     * floors given              1          12           27            5
     * remainders to             Xiashan,   Potou,       Xiashan       Potou,
     *                           Dev. Zone, Dev. Zone,                 Xiashan
     *                           Mazhang    Mazhang
     * </pre>
     */
    static final Map<String, List<Integer>> TABLE_2_10 = table();

    private static Map<String, List<Integer>> table() {
        Map<String, List<Integer>> t = new LinkedHashMap<>();
        t.put("Chikan", List.of(0, 2, 4, 1));
        t.put("Xiashan", List.of(1, 3, 7, 2));
        t.put("Potou", List.of(1, 4, 7, 2));
        t.put("Mazhang", List.of(1, 3, 5, 1));
        t.put("Development Zone", List.of(1, 3, 5, 1));
        t.put("Wuchuan", List.of(0, 4, 8, 12));
        t.put("Xuwen", List.of(0, 4, 11, 15));
        t.put("Leizhou", List.of(0, 7, 17, 18));
        t.put("Suixi", List.of(0, 4, 10, 15));
        t.put("Lianjiang", List.of(1, 4, 18, 22));
        return t;
    }

    static List<Integer> list(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void eachDistrictHasItsHospitalsOfTable2_10() {
        Map<String, List<Integer>> got = new LinkedHashMap<>();
        for (District d : ZJ.districts()) got.put(d.name(), list(d.hospitals()));
        assertThat(got).containsExactlyInAnyOrderEntriesOf(TABLE_2_10);
    }

    @Test
    void theUrbanDistrictsShareTheCityRowAndTheRegionHasTable2_10sTotals() {
        int[] city = new int[4], region = new int[4];
        for (District d : ZJ.districts()) {
            for (int l = 0; l < 4; l++) {
                if (d.urban()) city[l] += d.hospitals()[l];
                region[l] += d.hospitals()[l];
            }
        }
        assertThat(city).containsExactly(4, 15, 28, 7);    // Table 2-10 "Zhanjiang City" (L1108)
        assertThat(region).containsExactly(5, 38, 92, 89); // 224 designated hospitals (REFERENCE §9)
        assertThat(ZJ.districts().stream().filter(District::urban).map(District::name))
                .containsExactlyInAnyOrder("Chikan", "Xiashan", "Potou", "Mazhang", "Development Zone");
    }

    @Test
    void theGeneratorsInstitutionsAreThoseHospitalsDistrictByDistrict() {
        Generator g = new Generator(ZJ, 2018, 1, 10, 10);
        Map<String, int[]> byDistrict = new TreeMap<>();
        for (Institution i : g.institutions()) {
            if (!i.kind().equals("hospital") && !i.kind().equals("township_centre")) continue;
            int column = switch (i.level()) {
                case LEVEL3 -> 0;
                case LEVEL2 -> 1;
                case LEVEL1 -> 2;
                case TOWNSHIP -> 3;
                default -> throw new AssertionError(i + ": a hospital at village level");
            };
            assertThat(i.kind()).isEqualTo(i.level() == Level.TOWNSHIP ? "township_centre" : "hospital");
            byDistrict.computeIfAbsent(i.district(), d -> new int[4])[column]++;
        }
        Map<String, List<Integer>> got = new LinkedHashMap<>();
        byDistrict.forEach((d, counts) -> got.put(d, list(counts)));
        assertThat(got).containsExactlyInAnyOrderEntriesOf(TABLE_2_10);
    }

    @Test
    void aDistrictsArraysCannotBeChangedFromOutside() {
        District d = ZJ.districts().get(0);
        d.hospitals()[0] = 99;
        d.ageShares()[0] = 99;
        assertThat(d.hospitals()[0]).isNotEqualTo(99);
        assertThat(d.ageShares()[0]).isNotEqualTo(99);
        ZJ.targets().ageShares()[0] = 99;
        assertThat(ZJ.targets().ageShares()[0]).isEqualTo(25.75);
        double level3 = ZJ.care().inpatientCost()[4];
        ZJ.care().inpatientCost()[4] = 99;
        ZJ.care().inpatientSigma()[4] = 99;
        ZJ.care().seriousShare()[4] = 99;
        ZJ.care().employeeInpatientLevels()[4] = 99;
        assertThat(ZJ.care().inpatientCost()[4]).isEqualTo(level3);
        assertThat(ZJ.care().inpatientSigma()[4]).isNotEqualTo(99);
        assertThat(ZJ.care().seriousShare()[4]).isNotEqualTo(99);
        assertThat(ZJ.care().employeeInpatientLevels()[4]).isNotEqualTo(99);
    }

    /**
     * The fund targets and their published sources: the national employees' fund spent 1.07066 of 1.35378 trillion
     * yuan in 2018 (Luo 2020, §3.3.2), 0.79087; serious-illness insurance breaks even with the insurer's 3% profit/loss
     * rate (Luo 2020, §2.9.4), claims 97% of the premium; the survey's headcount with basic insurance at 20%,
     * 31 / 432 = 7.18% (Luo 2020, Table 4-2).
     */
    @Test
    void theFundTargetsAreThePublishedFigures() {
        Region.FundTargets f = ZJ.targets().funds();
        assertThat(f.employeePoolingSpentOfIncome()).isCloseTo(0.79087, within(0.00001));
        assertThat(f.seriousIllnessClaimsOfPremium()).isEqualTo(0.97);
        assertThat(f.cheHeadcountBasic20Pct()).isCloseTo(100.0 * 31 / 432, within(0.01));
        assertThat(f.employeePoolingSource()).startsWith("Luo 2020, §3.3.2");
        assertThat(f.seriousIllnessSource()).startsWith("Luo 2020, §2.9.4");
        assertThat(f.cheHeadcountSource()).startsWith("Luo 2020, Table 4-2");
    }

    /**
     * The region's facts do not depend on which class is initialised first: Zhanjiang before Region (as
     * when a part of the generator touches Zhanjiang first) gives the same region as Region first. Run in
     * a fresh class loader, where neither class has been initialised yet.
     */
    @Test
    void zhanjiangInitialisedBeforeRegionGivesTheSameRegion() throws Exception {
        URL classes = Zhanjiang.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> zhanjiang = Class.forName(Zhanjiang.class.getName(), true, fresh);
            assertThat(zhanjiang.getClassLoader()).isSameAs(fresh);
            Object known = Class.forName(Region.class.getName(), true, fresh).getField("KNOWN").get(null);
            Object region = ((Map<?, ?>) known).get("zhanjiang");
            assertThat(region).isNotNull();
            assertThat(region.toString()).contains("440800");
            @SuppressWarnings("unchecked")
            List<Object> districts = (List<Object>) region.getClass().getMethod("districts").invoke(region);
            Map<String, List<Integer>> got = new LinkedHashMap<>();
            for (Object d : districts) {
                got.put((String) d.getClass().getMethod("name").invoke(d),
                        list((int[]) d.getClass().getMethod("hospitals").invoke(d)));
            }
            assertThat(got).containsExactlyInAnyOrderEntriesOf(TABLE_2_10);
        }
    }
}
