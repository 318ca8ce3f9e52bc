package org.openyibao.sim.io;

import java.nio.file.Path;

/** Where the tables of a population directory live (docs/sim.md): {@code <table>/part-00000.<ext>}. */
public final class PopulationFiles {
    public static final String HOUSEHOLDS = "households";
    public static final String PERSONS = "persons";
    public static final String VISITS = "visits";
    /** CSV only: the visits' fee lines, one row per line, keyed by visit_id and line_no. */
    public static final String VISIT_LINES = "visit_lines";
    public static final String INSTITUTIONS = "institutions";
    public static final String REGION = "region.json";

    private PopulationFiles() {}

    public static Path part(Path dir, String table, int part, Format format) {
        return dir.resolve(table).resolve(String.format("part-%05d.%s", part, format.key));
    }

    public static Path institutions(Path dir, Format format) {
        return dir.resolve(INSTITUTIONS + "." + format.key);
    }
}
