package org.openyibao.platform.demo;

/**
 * More people for the demo region, seeded after its hand-made ones through the platform's services.
 * The platform does not depend on the synthetic-region generator (sim, with Hadoop and Parquet): {@code yibao demo}
 * adds one from the command line's module (cli's {@code DemoGeneratedPopulation}). When no bean of this
 * type is present, the demo seeds only its hand-made part.
 */
public interface DemoPopulation {
    /** What was seeded, for the demo's log. */
    record Seeded(int institutions, int households, int persons, int insured, int settlements, int refused) {}

    /**
     * Seeds the population into {@code admdvs} on the demo region's first start, after the hand-made people;
     * employees work for {@code employerCode}.
     */
    Seeded seed(String admdvs, String employerCode);

    /** The demo printout's line about these people. */
    String describe();
}
