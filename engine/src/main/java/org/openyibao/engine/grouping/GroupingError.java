package org.openyibao.engine.grouping;

import org.openyibao.engine.error.ErrorCode;
import org.openyibao.engine.error.ErrorKind;

/** The grouping tables' error codes (docs/grouping.md). A case that cannot be grouped is a result, not one of these. */
public enum GroupingError implements ErrorCode {
    /** No grouping table version of that name under policies/grouping/. */
    UNKNOWN_TABLE_VERSION("unknown_table_version", ErrorKind.NOT_FOUND),
    /** The region has no table version of the method in force on the discharge date (before its first version). */
    NO_TABLE_VERSION("no_table_version", ErrorKind.REFUSED),
    /** A discharged case that cannot be read (a field that is not a number, a quote not closed): names the field. */
    INVALID_CASE("invalid_case", ErrorKind.INVALID_INPUT),
    /** A table version or a selection file that cannot be used: the message names the file, line and column. */
    INVALID_TABLE("invalid_table", ErrorKind.REFUSED);

    private final String code;
    private final ErrorKind kind;

    GroupingError(String code, ErrorKind kind) {
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
