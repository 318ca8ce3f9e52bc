package org.openyibao.bench;

/** The three settlement flows: which call settles, which cancels, and the clearing type 3201 reconciles them under. */
enum FlowKind {
    OUTPATIENT("2207", "2208", "11"),
    INPATIENT("2304", "2305", "21"),
    PHARMACY("2102", "2103", "41");

    final String settleInfno;
    final String cancelInfno;
    final String clrType;

    FlowKind(String settleInfno, String cancelInfno, String clrType) {
        this.settleInfno = settleInfno;
        this.cancelInfno = cancelInfno;
        this.clrType = clrType;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
