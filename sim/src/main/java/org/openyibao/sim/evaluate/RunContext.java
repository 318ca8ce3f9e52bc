package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * What a run compared, as its {@code run.json} records it (docs/sim.md "A simulated year"): the population (region,
 * year, size, seed), the policy pack and its version, the reform and what it changes in the base pack during the
 * year, and what the population was calibrated to. A field a run did not record is null; runs written before these
 * were recorded still evaluate, the report saying "not recorded".
 *
 * @param differences null when not recorded; empty when the run's pack is the base pack's (no reform, or a reform
 *                    that changes nothing in the year)
 */
public record RunContext(String region, Integer year, Long persons, Long households, Long seed, String pack,
                         String packName, String packVersion, String reformFile, List<String> reforms,
                         List<String> reformDates, List<Change> differences, List<Calibrated> calibration) {

    /** Nothing recorded (a run given without its run.json). */
    public static final RunContext NOT_RECORDED = new RunContext(null, null, null, null, null, null, null, null, null,
            List.of(), List.of(), null, List.of());

    public RunContext {
        reforms = reforms == null ? List.of() : List.copyOf(reforms);
        reformDates = reformDates == null ? List.of() : List.copyOf(reformDates);
        differences = differences == null ? null : List.copyOf(differences);
        calibration = calibration == null ? List.of() : List.copyOf(calibration);
    }

    /**
     * One parameter a reform changes in the simulated year: its value in the base pack and under the reform (as the pack
     * writes it; null: no value), its unit, the date the reform's value takes effect, its source, and the part of the
     * year ({@code from} … {@code until}) the difference holds. Dates as ISO text.
     */
    public record Change(String path, String unit, String oldValue, String newValue, String effective, String source,
                         String from, String until) {}

    /** One calibration target of the population (region.json "calibration"): its name, target, achieved value, source. */
    public record Calibrated(String name, String target, String achieved, String source) {}
}
