package org.openyibao.sim.population;

import java.util.List;
import java.util.Map;

/**
 * The facts a synthetic region is calibrated to. Districts carry their registered population, age
 * shares and designated hospitals; {@code targets} are the region-wide values region.json reports.
 * Immutable: the arrays are copied in and out, so a caller cannot change a region that {@link #KNOWN}
 * shares with every generator in the JVM.
 */
public record Region(String name, String admdvs, List<District> districts, Targets targets) {

    public Region {
        districts = List.copyOf(districts);
    }

    /**
     * A district (county, county-level city or urban district). {@code ageShares} for &lt;18, 18–34,
     * 35–59, 60+; {@code hospitals} designated hospitals for level3, level2, level1, township.
     */
    public record District(String name, String admdvs, long registered, double[] ageShares, boolean urban,
                           int[] hospitals) {
        public District {
            ageShares = ageShares.clone();
            hospitals = hospitals.clone();
        }

        @Override public double[] ageShares() { return ageShares.clone(); }

        @Override public int[] hospitals() { return hospitals.clone(); }
    }

    /** Region-wide calibration targets; money per capita in yuan (sampling is in doubles, storage in fen). */
    public record Targets(long permanentPopulation, double householdSize, double[] ageShares, double agricultural,
                          double income, double spending, double food, double oop, double visitsPerPerson,
                          double insured, double employees) {
        public Targets {
            ageShares = ageShares.clone();
        }

        @Override public double[] ageShares() { return ageShares.clone(); }
    }

    /** The known regions by name. Zhanjiang's is built by a method with no static state (no initialisation order). */
    public static final Map<String, Region> KNOWN = Map.of("zhanjiang", Zhanjiang.region());
}
