package org.openyibao.engine.error;

/**
 * What kind of refusal an error is. Services and the engine say only this; the edges turn it into
 * an HTTP status (REST) or an infcode (the national interface), each in one place.
 */
public enum ErrorKind {
    /** The caller's input is wrong: a field is missing, malformed or out of range. */
    INVALID_INPUT,
    /** What the caller names does not exist (a person, an institution, a settlement). */
    NOT_FOUND,
    /** The request contradicts the state it meets (already cancelled, a duplicate enrolment). */
    CONFLICT,
    /** The input is well formed but the rules refuse it (no policy on that date, an institution not designated). */
    REFUSED,
    /** The caller may not do this. */
    FORBIDDEN
}
