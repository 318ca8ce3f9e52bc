package org.openyibao.platform.web;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.ErrorCode;
import org.openyibao.platform.PlatformError;

/**
 * A service's refusal: a code (whose kind the edges map to an HTTP status or an infcode), the field
 * it concerns and a message that names it. Services never choose an HTTP status themselves.
 */
public class ApiException extends DomainException {
    public ApiException(ErrorCode code, String field, String message) {
        super(code, field, message);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(PlatformError.INVALID_FIELD, field, message);
    }

    public static ApiException notFound(String field, String message) {
        return new ApiException(PlatformError.NOT_FOUND, field, message);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(PlatformError.CONFLICT, field, message);
    }

    /** Well formed, but the rules refuse it. */
    public static ApiException refused(String field, String message) {
        return new ApiException(PlatformError.REFUSED, field, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(PlatformError.FORBIDDEN, null, message);
    }
}
