package org.openyibao.engine.calc;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;

/** A mistake in a calc request or a visit: the message starts with the field's JSON path, which is also {@link #field()}. */
public class CalcInputException extends DomainException {
    public CalcInputException(String message) {
        super(EngineError.INVALID_REQUEST, fieldOf(message), message);
    }

    private static String fieldOf(String message) {
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : null;
    }
}
