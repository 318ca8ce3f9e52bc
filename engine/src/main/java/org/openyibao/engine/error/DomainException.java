package org.openyibao.engine.error;

/**
 * An error with a code, the input field it concerns (a JSON path, or null) and a message a person
 * can read. Thrown by services and the engine; mapped to HTTP or infcode at the edges only.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorKind kind() {
        return code.kind();
    }

    /** The input field the error concerns (a JSON path), or null. */
    public String field() {
        return field;
    }
}
