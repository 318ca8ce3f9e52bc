package org.openyibao.engine.policy;

/** No rules in the pack cover the date (and scheme) asked for. */
public class NoPolicyException extends RuntimeException {
    public NoPolicyException(String message) {
        super(message);
    }
}
