package org.openyibao.platform.simulation;

import java.nio.file.Path;

/**
 * A reform overlay a simulation may apply to its pack: a shipped scenario ({@code policies/<region>/scenarios/*.yaml},
 * id {@code <region>/<name>}, for that region's populations) or one the agency put in the work directory's
 * {@code overlays/} (id {@code overlays/<name>}, for any region).
 */
public record Overlay(String id, String region, Path file) {

    /** Whether a population of {@code populationRegion} may take it. */
    public boolean fits(String populationRegion) {
        return region == null || region.equals(populationRegion);
    }
}
