package org.openyibao.platform.fsi;

import org.openyibao.engine.error.Echo;

/**
 * A refusal, answered as an envelope with this {@code infcode} and {@code err_msg} (HTTP 200): {@code -1} a system
 * or validation error (the client may consider a reversal, 2601), {@code -2} a business refusal to show to the
 * user (INTERFACE §1.6). Never recorded in the message log, so a retry with the same msgid runs again.
 */
public class FsiException extends RuntimeException {
    public static final int SYSTEM = -1;
    public static final int BUSINESS = -2;

    private final int infcode;

    /** The longest err_msg: a reply's size is bounded whatever the request (issue 10). */
    public static final int MAX_ERR_MSG = 300;

    public FsiException(int infcode, String errMsg) {
        super(Echo.cut(errMsg, MAX_ERR_MSG), null, false, false);
        if (infcode >= 0) throw new IllegalArgumentException("a refusal's infcode is negative, got " + infcode);
        this.infcode = infcode;
    }

    /** -1 naming the field: {@code invalid("input.data.psn_no", "required")} → "input.data.psn_no: required". */
    public static FsiException invalid(String field, String problem) {
        return new FsiException(SYSTEM, field + ": " + problem);
    }

    /** -2, a business refusal. */
    public static FsiException business(String errMsg) {
        return new FsiException(BUSINESS, errMsg);
    }

    public int infcode() {
        return infcode;
    }

    public String errMsg() {
        return getMessage();
    }
}
