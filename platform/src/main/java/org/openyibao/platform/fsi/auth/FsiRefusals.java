package org.openyibao.platform.fsi.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place refusals are logged (logger {@code org.openyibao.platform.fsi.auth.FsiRefusals}, WARN): reason,
 * institution code, infno and the credential's public identifier. Never a person's data, a secret, a token or the
 * request body.
 */
public final class FsiRefusals {
    private static final Logger log = LoggerFactory.getLogger(FsiRefusals.class);

    private FsiRefusals() {}

    public static void log(FsiRefusal r, String infno) {
        log.warn("fsi refused: {}; institution={}; infno={}; key={}", r.reason(), clean(r.institution()), clean(infno),
                r.keyId() == null ? "-" : clean(r.keyId()));
    }

    /**
     * A value the caller claims but no credential confirms: its first two and last two characters, the rest
     * starred (at most 16 characters in all), so an ID number or a name sent in its place never reaches the log.
     */
    public static String masked(String s) {
        if (s == null || s.isEmpty()) return null;
        String t = clean(s);
        if (t.length() <= 4) return "*".repeat(t.length());
        int stars = Math.min(t.length() - 4, 12);
        return t.substring(0, 2) + "*".repeat(stars) + t.substring(t.length() - 2);
    }

    /** Codes only: anything else the client sent is cut to letters, digits and a few separators. */
    static String clean(String s) {
        if (s == null || s.isEmpty()) return "-";
        String t = s.length() > 64 ? s.substring(0, 64) : s;
        return t.replaceAll("[^0-9A-Za-z_.:@* -]", "?");
    }
}
