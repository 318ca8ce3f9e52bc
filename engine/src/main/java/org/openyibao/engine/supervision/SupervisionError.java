package org.openyibao.engine.supervision;

import org.openyibao.engine.error.ErrorCode;
import org.openyibao.engine.error.ErrorKind;

/** The supervision rule sets' error codes (docs/supervision.md). A rule's hit is a result, not one of these. */
public enum SupervisionError implements ErrorCode {
    /** A rule set or a selection file that cannot be used: the message names the file, line and field. */
    INVALID_RULES("invalid_rules", ErrorKind.REFUSED),
    /** No rule set version of that name under policies/supervision/. */
    UNKNOWN_RULE_VERSION("unknown_rule_version", ErrorKind.NOT_FOUND),
    /** The region has no rule set version in force on the date (before its first). */
    NO_RULE_VERSION("no_rule_version", ErrorKind.REFUSED);

    private final String code;
    private final ErrorKind kind;

    SupervisionError(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
