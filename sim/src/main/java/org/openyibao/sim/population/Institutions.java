package org.openyibao.sim.population;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.openyibao.engine.policy.Level;
import org.openyibao.sim.population.Region.District;

/**
 * The region's designated institutions: the hospitals and township centres of seed 003 Table 2-10
 * (L1107–1113: level3 5, level2 38, level1 92, township 89), village stations (Table 2-9, L1096: 2,156
 * village clinics in 2017) and pharmacies (DECISION: 400, the seeds give no count), spread over the
 * districts by registered population (DECISION).
 */
final class Institutions {
    static final int VILLAGE_STATIONS = 2_156;
    static final int PHARMACIES = 400;

    final List<Institution> all = new ArrayList<>();
    /** codes by district and level ordinal (village, township, level1, level2, level3); pharmacies apart */
    private final String[][][] byDistrict;
    private final String[][] pharmacies;
    private final String[][] regionByLevel = new String[5][];

    Institutions(Region region) {
        List<District> ds = region.districts();
        long[] weights = ds.stream().mapToLong(District::registered).toArray();
        int[] villages = LargestRemainder.split(VILLAGE_STATIONS, weights);
        int[] shops = LargestRemainder.split(PHARMACIES, weights);
        byDistrict = new String[ds.size()][5][];
        pharmacies = new String[ds.size()][];
        List<List<String>> perLevel = new ArrayList<>();
        for (int l = 0; l < 5; l++) perLevel.add(new ArrayList<>());
        for (int d = 0; d < ds.size(); d++) {
            District di = ds.get(d);
            int[] h = di.hospitals(); // level3, level2, level1, township
            int[] counts = {villages[d], h[3], h[2], h[1], h[0]};
            for (Level level : Level.values()) {
                String kind = switch (level) {
                    case VILLAGE -> "village_station";
                    case TOWNSHIP -> "township_centre";
                    default -> "hospital";
                };
                String[] codes = new String[counts[level.ordinal()]];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = String.format("H%s%d%04d", di.admdvs(), level.ordinal(), i + 1);
                    all.add(new Institution(codes[i], di.name() + " " + kind.replace('_', ' ') + " " + level.key + " " + (i + 1),
                            level, kind, di.name()));
                    perLevel.get(level.ordinal()).add(codes[i]);
                }
                byDistrict[d][level.ordinal()] = codes;
            }
            pharmacies[d] = new String[shops[d]];
            for (int i = 0; i < shops[d]; i++) {
                pharmacies[d][i] = String.format("P%s%05d", di.admdvs(), i + 1);
                // DECISION: a pharmacy is settled at level1 (as the demo region registers them)
                all.add(new Institution(pharmacies[d][i], di.name() + " pharmacy " + (i + 1), Level.LEVEL1, "pharmacy",
                        di.name()));
            }
        }
        for (int l = 0; l < 5; l++) regionByLevel[l] = perLevel.get(l).toArray(new String[0]);
    }

    /** An institution of {@code level} in the district, or anywhere in the region when the district has none. */
    String pick(SplittableRandom r, int district, Level level, boolean pharmacy) {
        String[] codes = pharmacy ? pharmacies[district] : byDistrict[district][level.ordinal()];
        if (codes.length == 0) codes = regionByLevel[level.ordinal()];
        return codes[r.nextInt(codes.length)];
    }
}
