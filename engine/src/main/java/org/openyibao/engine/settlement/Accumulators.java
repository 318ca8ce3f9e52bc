package org.openyibao.engine.settlement;

import static org.openyibao.engine.settlement.Accumulator.*;

import java.util.Arrays;

import org.openyibao.engine.error.EngineError;

/**
 * A person's totals for policy year {@code year} (the calendar year), one value per
 * {@link Accumulator}: the yearly ones start again each year; the outpatient card and the
 * individual account carry over. Immutable; built by name with {@link #builder(int)}.
 */
public final class Accumulators {
    private static final Accumulator[] ALL = Accumulator.values();

    private final int year;
    private final long[] values;

    private Accumulators(int year, long[] values) {
        this.year = year;
        this.values = values;
    }

    /** A person's first year: nothing paid yet, the account holding {@code accountBalance}. */
    public static Accumulators start(int year, long accountBalance) {
        return builder(year).set(ACCOUNT_BALANCE, accountBalance).build();
    }

    public static Builder builder(int year) {
        return new Builder(year, new long[ALL.length]);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(year, values.clone());
    }

    public int year() {
        return year;
    }

    public long value(Accumulator a) {
        return values[a.ordinal()];
    }

    public long hifpPaid() { return value(POOLING_PAID); }
    public long deductiblePaid() { return value(DEDUCTIBLE_PAID); }
    public long specialDeductiblePaid() { return value(SPECIAL_DEDUCTIBLE_PAID); }
    public long townshipOutpatientPaid() { return value(TOWNSHIP_OUTPATIENT_PAID); }
    public long largeAmountPaid() { return value(LARGE_AMOUNT_PAID); }
    public long seriousIllnessBase() { return value(SERIOUS_ILLNESS_BASE); }
    public long seriousIllnessPaid() { return value(SERIOUS_ILLNESS_PAID); }
    public long assistanceBase() { return value(ASSISTANCE_BASE); }
    public long assistancePaid() { return value(ASSISTANCE_PAID); }
    public long emergencyPaid() { return value(EMERGENCY_PAID); }
    public long cardBalance() { return value(CARD_BALANCE); }
    public int cardYear() { return (int) value(CARD_YEAR); }
    public long accountBalance() { return value(ACCOUNT_BALANCE); }

    /** The totals as they stand at the start of {@code newYear}: yearly sums back to zero. */
    public Accumulators forYear(int newYear) {
        if (newYear == year) return this;
        if (newYear < year) {
            throw new SettlementException(EngineError.VISIT_OUT_OF_ORDER, "visit in " + newYear + " after accumulators of "
                    + year + ": settle visits in date order");
        }
        long[] next = new long[ALL.length];
        for (Accumulator a : ALL) if (a.span() == Span.CARRIED) next[a.ordinal()] = values[a.ordinal()];
        return new Accumulators(newYear, next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Accumulators a && a.year == year && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return year * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Accumulators[year=").append(year);
        for (Accumulator a : ALL) if (values[a.ordinal()] != 0) b.append(", ").append(a.column()).append('=').append(values[a.ordinal()]);
        return b.append(']').toString();
    }

    /** Sets values by name. */
    public static final class Builder {
        private final int year;
        private long[] values;

        private Builder(int year, long[] values) {
            this.year = year;
            this.values = values;
        }

        public Builder set(Accumulator a, long value) {
            values[a.ordinal()] = value;
            return this;
        }

        /** The accumulators; the builder cannot be used again. */
        public Accumulators build() {
            long[] v = values;
            values = null;
            return new Accumulators(year, v);
        }
    }
}
