package org.openyibao.platform.simulation;

/**
 * A directory under the work directory's {@code populations/}: usable when {@code yibao simulate} would take it
 * (region.json and all its Parquet parts), otherwise with the reason it is not ({@code problem}).
 */
public record Population(String name, String region, int year, long persons, long households, long visits, String problem) {

    public boolean usable() {
        return problem == null;
    }
}
