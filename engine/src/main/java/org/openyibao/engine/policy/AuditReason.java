package org.openyibao.engine.policy;

import java.util.List;

/**
 * A reason the serious-illness insurer may give for its decision on a case (docs/insurer.md#audit-reasons): a code,
 * its words in Chinese and English, and the decisions it may go with ({@code approve}, {@code adjust}, {@code reject}).
 * Data in the pack ({@code insurer.audit.reasons}), not code.
 */
public record AuditReason(String code, String zh, String en, List<String> decisions) {
    /** The decisions an insurer may take on a case. */
    public static final List<String> DECISIONS = List.of("approve", "adjust", "reject");

    public AuditReason {
        decisions = List.copyOf(decisions);
    }

    /** Whether this reason may be given with {@code decision}. */
    public boolean allows(String decision) {
        return decisions.contains(decision);
    }

    /** The words in the language {@code lang} ("zh" or anything else for English). */
    public String words(String lang) {
        return "zh".equals(lang) ? zh : en;
    }
}
