package org.openyibao.platform;

import org.openyibao.engine.error.ErrorCode;
import org.openyibao.engine.error.ErrorKind;

/** The platform services' error codes; the edges map their kinds to HTTP (ApiErrors) or infcode (FsiDispatcher). */
public enum PlatformError implements ErrorCode {
    /** A field is missing, malformed or out of range. */
    INVALID_FIELD("invalid_field", ErrorKind.INVALID_INPUT),
    /** The person, institution, settlement... named does not exist. */
    NOT_FOUND("not_found", ErrorKind.NOT_FOUND),
    /** The request contradicts recorded state (already cancelled, a duplicate). */
    CONFLICT("conflict", ErrorKind.CONFLICT),
    /** Well formed, but the rules refuse it (an institution not designated that day, a year without a wage). */
    REFUSED("refused", ErrorKind.REFUSED),
    /** Not allowed for the caller's role or institution. */
    FORBIDDEN("forbidden", ErrorKind.FORBIDDEN);

    private final String code;
    private final ErrorKind kind;

    PlatformError(String code, ErrorKind kind) {
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
