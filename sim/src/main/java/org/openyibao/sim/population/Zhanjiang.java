package org.openyibao.sim.population;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.sim.population.Region.Care;
import org.openyibao.sim.population.Region.District;
import org.openyibao.sim.population.Region.FundTargets;
import org.openyibao.sim.population.Region.Targets;

/**
 * Zhanjiang (湛江), 2017–2018, from Luo 2020 ch. 2 and Table 4-1 (docs/sim.md#calibration gives the full reference).
 * Lines cited as "seed 003 Lnnnn" are in the project's working copy of that thesis (003_0c77b00c425f5240.txt); what
 * users see (region.json) cites the thesis's tables and sections.
 *
 * <p>No static state: {@link #region()} builds the region from its tables, held in local variables, so no
 * order of declarations or of class initialisation can change what a district gets (Region.KNOWN calls it
 * once).
 */
final class Zhanjiang {
    private Zhanjiang() {}

    static Region region() {
        return new Region("zhanjiang", "440800", districts(), targets(), care());
    }

    /** An urban district: Table 2-10 gives its hospitals only together with the others' (the "Zhanjiang City" row). */
    private record Urban(String name, String admdvs, long registered, double... ageShares) {}

    /**
     * seed 003 L1008–1019 Table 2-5 (registered population and age shares by district, 2017) and
     * L1107–1113 Table 2-10 (designated hospitals level3/level2/level1/township by county). Table 2-10
     * gives the five urban districts together as "Zhanjiang City" (4/15/28/7): DECISION, split among them
     * by registered population, largest remainder ({@link #urban}). admdvs codes: national division
     * codes (the development zone has none: DECISION 440891, ours).
     */
    static List<District> districts() {
        List<Urban> city = List.of(
                new Urban("Chikan", "440802", 245028, 20.99, 22.71, 37.93, 18.37),
                new Urban("Xiashan", "440803", 377096, 20.36, 22.87, 37.80, 18.97),
                new Urban("Potou", "440804", 426043, 23.29, 34.26, 27.84, 14.62),
                new Urban("Mazhang", "440811", 301216, 26.55, 32.72, 27.67, 13.06),
                new Urban("Development Zone", "440891", 309518, 25.11, 30.77, 30.03, 14.10));
        int[] cityHospitals = {4, 15, 28, 7}; // Table 2-10 "Zhanjiang City" row (L1108)
        List<District> all = new ArrayList<>(urban(city, cityHospitals));
        all.add(county("Wuchuan", "440883", 1205133, new double[] {26.09, 33.50, 26.80, 13.61}, 0, 4, 8, 12));
        all.add(county("Xuwen", "440825", 776434, new double[] {25.07, 30.14, 30.60, 14.18}, 0, 4, 11, 15));
        all.add(county("Leizhou", "440882", 1822155, new double[] {26.80, 33.72, 26.87, 12.61}, 0, 7, 17, 18));
        all.add(county("Suixi", "440823", 1098903, new double[] {25.13, 31.52, 28.62, 14.73}, 0, 4, 10, 15));
        all.add(county("Lianjiang", "440881", 1827836, new double[] {27.43, 30.88, 27.70, 13.99}, 1, 4, 18, 22));
        return List.copyOf(all);
    }

    static Targets targets() {
        return new Targets(
                7_332_000,                         // Luo 2020, §2.9.1: permanent population at the end of 2018, 7.332 million
                8_389_362 / 2_064_000.0,           // Luo 2020, §2.9.1, Table 2-4: 8,389,362 registered in 2.064 million households
                new double[] {25.75, 31.52, 28.63, 14.10}, // Luo 2020, Table 2-5 (2017)
                63.03,                             // Luo 2020, §2.9.1, Table 2-4: agricultural registration
                21_426.90, 15_302.70, 6_473.10,    // Luo 2020, Table 4-1: Zhanjiang 2018 per capita
                1_015.80,                          // Luo 2020, Table 4-1: medical (out-of-pocket) spending per capita
                1.37,                              // DECISION: ≈10 million visits a year for 7.33 million (docs/sim.md#calibration)
                98.7,                              // Luo 2020, §2.9.4: coverage 98.7% (August 2012)
                17.0,                              // DECISION: employees ≈17% of the insured (docs/sim.md#calibration)
                new FundTargets(
                        // the national employees' fund in 2018: expenditure 1.07066 ÷ income 1.35378 trillion yuan.
                        // DECISION: the whole fund's ratio taken for its pooling part (docs/sim.md#calibration)
                        1.07066 / 1.35378,
                        "Luo 2020, §3.3.2: national employees' basic medical insurance fund 2018, income 1.35378"
                                + " trillion, expenditure 1.07066 trillion yuan (whole fund; DECISION: applied to the"
                                + " pooling fund, docs/sim.md#calibration)",
                        // break-even with a small profit: the insurer's profit/loss rate is 3%, so claims ≈ 97% of the
                        // premium (accepted band 95–100%)
                        0.97,
                        "Luo 2020, §2.9.4 (5) 'Profit method': income and expenditure balanced with low profits,"
                                + " Zhanjiang's profit/loss rate 3%; DECISION: claims 97% of the premium"
                                + " (docs/sim.md#calibration)",
                        7.18,
                        "Luo 2020, Table 4-2: 31 of 432 surveyed households with basic medical insurance compensation"
                                + " (20% standard)"));
    }

    /**
     * The care numbers that bring the settled 2018 year to the fund targets (DECISIONs, docs/sim.md#calibration:
     * set by settling 200,000 persons, seed 1, with the zhanjiang pack). Costs in yuan; levels village, township,
     * level1, level2, level3.
     */
    static Care care() {
        return new Care(
                new double[] {0, 1_800, 2_800, 5_200, 11_000}, // ordinary admission by level (national 2018 orders of
                                                                // magnitude, lowered until the residents' fund balances)
                new double[] {0, 0.7, 0.8, 0.9, 1.0},           // its log-spread (a long tail: fewer households near the
                                                                // catastrophic threshold for the same mean)
                new double[] {0, 0, 0.004, 0.02, 0.06},         // serious illness among admissions by level
                68_500, 0.8,                                    // one admission for a serious illness, lognormal
                2.0,                                            // further admissions in the year of a serious illness
                2.0,                                            // employees' admissions relative to residents of their age
                new double[] {0, 0.10, 0.15, 0.40, 0.35},       // employees' admissions by level (urban, level2–3 heavy)
                1.0);                                           // employment's gradient with household income
    }

    /**
     * The urban districts with their part of the city's hospitals, level by level, in proportion to their
     * registered population: each district's share comes from its own row, whatever the rows' order.
     */
    private static List<District> urban(List<Urban> city, int[] cityHospitals) {
        long[] registered = city.stream().mapToLong(Urban::registered).toArray();
        int[][] byLevel = new int[cityHospitals.length][];
        for (int level = 0; level < cityHospitals.length; level++) {
            byLevel[level] = LargestRemainder.split(cityHospitals[level], registered);
        }
        List<District> out = new ArrayList<>(city.size());
        for (int d = 0; d < city.size(); d++) {
            Urban u = city.get(d);
            int[] hospitals = new int[cityHospitals.length];
            for (int level = 0; level < hospitals.length; level++) hospitals[level] = byLevel[level][d];
            out.add(new District(u.name(), u.admdvs(), u.registered(), u.ageShares(), true, hospitals));
        }
        return out;
    }

    private static District county(String name, String admdvs, long registered, double[] ages, int... hospitals) {
        return new District(name, admdvs, registered, ages, false, hospitals);
    }
}
