package org.openyibao.platform.yearend;

import java.util.List;
import java.util.Map;

import org.openyibao.platform.PlatformError;
import org.openyibao.platform.web.ApiException;

/**
 * A year that cannot be closed yet (a conflict: 409 at the API), with everything left to do grouped by the kind of work
 * ("visits not settled": [...]); the message names them all, one per line; the command prints them.
 */
public final class YearNotFinished extends ApiException {
    private final Map<String, List<String>> unfinished;

    public YearNotFinished(String admdvs, int year, Map<String, List<String>> unfinished) {
        super(PlatformError.CONFLICT, "year", message(admdvs, year, unfinished));
        this.unfinished = Map.copyOf(unfinished);
    }

    public Map<String, List<String>> unfinished() {
        return unfinished;
    }

    private static String message(String admdvs, int year, Map<String, List<String>> unfinished) {
        StringBuilder b = new StringBuilder("year: ").append(year).append(" of region ").append(admdvs)
                .append(" is not finished; left to do:");
        unfinished.forEach((what, lines) -> {
            b.append("\n").append(what).append(" (").append(lines.size()).append("):");
            lines.forEach(l -> b.append("\n  ").append(l));
        });
        return b.toString();
    }
}
