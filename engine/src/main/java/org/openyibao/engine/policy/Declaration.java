package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A declared public-health emergency (REFERENCE §7): the disease codes of confirmed and
 * suspected cases, the pooling regions it covers ("all" or admdvs codes) and its period.
 * {@code until} is null while it has not been revoked.
 */
public record Declaration(String name, List<String> confirmedCodes, List<String> suspectedCodes,
                          List<String> regions, LocalDate from, LocalDate until, String source,
                          String file, int line) {

    public boolean inForce(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    /** Whether the declaration covers the pooling region {@code admdvs} (null: a pack without a region code). */
    public boolean covers(String admdvs) {
        return regions.contains("all") || (admdvs != null && regions.contains(admdvs));
    }

    public Cited cited() {
        return new Cited("emergency.declarations." + name,
                "confirmed " + confirmedCodes + ", suspected " + suspectedCodes
                        + ", " + from + " to " + (until == null ? "until revoked" : until.toString()),
                from, source);
    }
}
