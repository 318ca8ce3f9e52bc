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

    /** Codes only: anything else the client sent is cut to letters, digits and a few separators. */
    static String clean(String s) {
        if (s == null || s.isEmpty()) return "-";
        String t = s.length() > 64 ? s.substring(0, 64) : s;
        return t.replaceAll("[^0-9A-Za-z_.:@ -]", "?");
    }
}
