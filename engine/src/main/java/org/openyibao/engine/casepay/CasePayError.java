package org.openyibao.engine.casepay;

import org.openyibao.engine.error.ErrorCode;
import org.openyibao.engine.error.ErrorKind;

/** The case payment's error codes (docs/case-payment.md), mapped to HTTP or infcode at the edges only. */
public enum CasePayError implements ErrorCode {
    /** A case to pay or a year-end figure that cannot be used (a negative cost, a missing group); names the field. */
    INVALID_CASE("invalid_case", ErrorKind.INVALID_INPUT),
    /** A DIP group result paid by DRG, or the reverse. */
    WRONG_METHOD("wrong_grouping_method", ErrorKind.INVALID_INPUT),
    /** A review's amount given for a case that is not waiting for special review. */
    NOT_UNDER_REVIEW("not_under_review", ErrorKind.CONFLICT);

    private final String code;
    private final ErrorKind kind;

    CasePayError(String code, ErrorKind kind) {
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
