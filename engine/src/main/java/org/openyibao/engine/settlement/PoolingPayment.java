package org.openyibao.engine.settlement;

/**
 * What basic pooling pays from one line group: the deductible taken (and which yearly total it
 * counts toward), the payment, the ratio applied, the pooling money the annual cap stopped (fen × ppm,
 * for large-amount cover), what the outpatient card paid and what counts toward the township limit.
 */
record PoolingPayment(long deductible, DeductibleCount counts, long pays, int ratio, long cappedMicro, long fromCard,
                      long township, TraceEntry why) {

    /** The yearly total a deductible counts toward. */
    enum DeductibleCount {
        /** the inpatient deductible (per year or per admission: counted either way) */
        INPATIENT,
        /** a special outpatient disease's */
        SPECIAL_OUTPATIENT,
        /** none: the township deductible is per visit */
        NONE
    }

    static PoolingPayment nothing(TraceEntry why) {
        return new PoolingPayment(0, DeductibleCount.NONE, 0, 0, 0, 0, 0, why);
    }
}
