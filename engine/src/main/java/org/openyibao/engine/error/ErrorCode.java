package org.openyibao.engine.error;

/**
 * A named error: a stable code clients and tests can match on (never a message substring), and
 * its kind, which the edges map to HTTP or infcode. Implemented by each module's error enum.
 */
public interface ErrorCode {
    /** The stable, snake_case code, e.g. {@code no_policy_on_date}. */
    String code();

    ErrorKind kind();
}
