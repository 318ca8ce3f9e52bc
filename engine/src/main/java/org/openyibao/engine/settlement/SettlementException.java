package org.openyibao.engine.settlement;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;

/** The visit cannot be settled under these rules (for example no inpatient rules for its level). */
public class SettlementException extends DomainException {
    public SettlementException(EngineError code, String message) {
        super(code, null, message);
    }
}
