package org.openyibao.engine.error;

/** The engine's and the policy packs' error codes. */
public enum EngineError implements ErrorCode {
    /** The pack has no rules on the visit's date, or none for the person's scheme that day. */
    NO_POLICY_ON_DATE("no_policy_on_date", ErrorKind.REFUSED),
    /** The pack has no inpatient rules for the institution's level. */
    NO_RULES_FOR_LEVEL("no_rules_for_level", ErrorKind.REFUSED),
    /** A visit dated before the year of the accumulators it is settled against. */
    VISIT_OUT_OF_ORDER("visit_out_of_order", ErrorKind.INVALID_INPUT),
    /** A fee line that cannot be settled (a negative amount, an over-limit part larger than the line). */
    INVALID_FEE_LINE("invalid_fee_line", ErrorKind.INVALID_INPUT),
    /** No pack of that name. */
    UNKNOWN_POLICY("unknown_policy", ErrorKind.NOT_FOUND),
    /** A pack that cannot be used: its problems name file, line and path. */
    INVALID_POLICY("invalid_policy", ErrorKind.REFUSED),
    /** A calc request that is not well formed. */
    INVALID_REQUEST("invalid_request", ErrorKind.INVALID_INPUT);

    private final String code;
    private final ErrorKind kind;

    EngineError(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
