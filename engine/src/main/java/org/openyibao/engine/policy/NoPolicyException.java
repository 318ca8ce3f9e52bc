package org.openyibao.engine.policy;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;

/** No rules in the pack cover the date (and scheme) asked for: {@link EngineError#NO_POLICY_ON_DATE}. */
public class NoPolicyException extends DomainException {
    public NoPolicyException(String message) {
        super(EngineError.NO_POLICY_ON_DATE, null, message);
    }
}
