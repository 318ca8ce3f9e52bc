package org.openyibao.sim.io;

/** Output format of the population tables. */
public enum Format {
    PARQUET("parquet"),
    CSV("csv");

    public final String key;

    Format(String key) {
        this.key = key;
    }

    public static Format of(String key) {
        for (Format f : values()) if (f.key.equals(key)) return f;
        return null;
    }
}
