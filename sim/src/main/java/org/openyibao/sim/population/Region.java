package org.openyibao.sim.population;

import java.util.List;
import java.util.Map;

/**
 * The facts a synthetic region is calibrated to. Districts carry their registered population, age
 * shares and designated hospitals; {@code targets} are the region-wide values region.json reports.
 */
public record Region(String name, String admdvs, List<District> districts, Targets targets) {

    /**
     * A district (county, county-level city or urban district). {@code ageShares} for &lt;18, 18–34,
     * 35–59, 60+; {@code hospitals} designated hospitals for level3, level2, level1, township.
     */
    public record District(String name, String admdvs, long registered, double[] ageShares, boolean urban,
                           int[] hospitals) {}

    /** Region-wide calibration targets; money per capita in yuan (sampling is in doubles, storage in fen). */
    public record Targets(long permanentPopulation, double householdSize, double[] ageShares, double agricultural,
                          double income, double spending, double food, double oop, double visitsPerPerson,
                          double insured, double employees) {}

    /** The known regions by name. */
    public static final Map<String, Region> KNOWN = Map.of("zhanjiang", Zhanjiang.REGION);
}
