package org.openyibao.engine.settlement;

/**
 * A person's year-to-date totals that the rules depend on, in fen, for policy year {@code year}
 * (the calendar year). The outpatient card balance and the individual-account balance are not
 * yearly: they carry over. {@code cardYear} is the last year the card was credited.
 */
public record Accumulators(int year,
                           long hifpPaid,
                           long deductiblePaid,
                           long specialDeductiblePaid,
                           long townshipOutpatientPaid,
                           long largeAmountPaid,
                           long seriousIllnessBase,
                           long seriousIllnessPaid,
                           long assistanceBase,
                           long assistancePaid,
                           long emergencyPaid,
                           long cardBalance,
                           int cardYear,
                           long accountBalance) {

    public static Accumulators start(int year, long accountBalance) {
        return new Accumulators(year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, accountBalance);
    }

    /** The totals as they stand at the start of {@code newYear}: yearly sums back to zero. */
    public Accumulators forYear(int newYear) {
        if (newYear == year) return this;
        if (newYear < year) {
            throw new IllegalArgumentException("visit in " + newYear + " after accumulators of " + year
                    + ": settle visits in date order");
        }
        return new Accumulators(newYear, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cardBalance, cardYear, accountBalance);
    }
}
