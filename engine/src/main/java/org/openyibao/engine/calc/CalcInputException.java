package org.openyibao.engine.calc;

/** A mistake in a calc request or a visit: the message starts with the field's JSON path. */
public class CalcInputException extends RuntimeException {
    public CalcInputException(String message) {
        super(message);
    }
}
