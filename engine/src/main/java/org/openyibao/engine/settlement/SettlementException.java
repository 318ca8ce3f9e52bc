package org.openyibao.engine.settlement;

/** The visit cannot be settled under these rules (for example no inpatient rules for its level). */
public class SettlementException extends RuntimeException {
    public SettlementException(String message) {
        super(message);
    }
}
