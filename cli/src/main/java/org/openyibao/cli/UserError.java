package org.openyibao.cli;

/** A mistake in what the user gave us: printed as one line, exit code 2, never a stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
