package org.openyibao.engine.settlement;

import static org.openyibao.engine.settlement.SettlementField.*;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of settling one visit: the national fields ({@link SettlementField}, fen except the
 * pooling ratio in ppm), why the person was not eligible (or null), the outpatient card credit this
 * settlement gave, the accumulators after it and the trace. Built by name with {@link #builder()}.
 *
 * <p>The constructor checks the identities of {@link SettlementField}, one fact per check, each
 * naming the rule it guards.
 */
public final class Settlement {
    private static final SettlementField[] FIELDS = SettlementField.values();
    private static final SettlementField[] FUNDS = {HIFP_PAY, CVLSERV_PAY, HIFMI_PAY, HIFOB_PAY, MAF_PAY, OTH_PAY};

    private final long[] values;
    private final Ineligibility ineligibility;
    private final long outpatientCardCredit;
    private final long outpatientCardPaid;
    private final Accumulators after;
    private final List<TraceEntry> trace;

    private Settlement(long[] values, Ineligibility ineligibility, long outpatientCardCredit, long outpatientCardPaid,
                       Accumulators after, List<TraceEntry> trace) {
        this.values = values;
        this.ineligibility = ineligibility;
        this.outpatientCardCredit = outpatientCardCredit;
        this.outpatientCardPaid = outpatientCardPaid;
        this.after = after;
        this.trace = trace;
        check(value(FULAMT_OWNPAY_AMT) + value(OVERLMT_SELFPAY) + value(PRESELFPAY_AMT) + value(INSCP_SCP_AMT)
                == value(MEDFEE_SUMAMT), "the cost's parts (class C, over limit, self-pay first, in scope) sum to medfee_sumamt");
        long funds = 0;
        for (SettlementField f : FUNDS) funds += value(f);
        check(funds == value(FUND_PAY_SUMAMT), "fund_pay_sumamt is the sum of the funds' payments");
        check(value(ACCT_PAY) + value(PSN_CASH_PAY) == value(PSN_PART_AMT), "psn_part_amt = acct_pay + psn_cash_pay");
        check(value(FUND_PAY_SUMAMT) + value(PSN_PART_AMT) + value(HOSP_PART_AMT) == value(MEDFEE_SUMAMT),
                "payers sum to the total: funds + the person + the institution = medfee_sumamt");
        checkNotNegative(values);
    }

    /** Every field but the account balance is not negative (the sign bits or'ed first; a field is named only when one is set). */
    private static void checkNotNegative(long[] values) {
        long signs = 0;
        for (long v : values) signs |= v;
        if (signs >= 0) return;
        for (SettlementField f : FIELDS) {
            if (values[f.ordinal()] < 0 && f != BALC) check(false, f.national() + " is not negative");
        }
    }

    private static void check(boolean fact, String rule) {
        if (!fact) throw new IllegalStateException("settlement invariant broken: " + rule);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a national field: fen, or ppm for {@link SettlementField#POOL_PROP_SELFPAY}. */
    public long value(SettlementField field) {
        return values[field.ordinal()];
    }

    public long medfeeSumamt() { return value(MEDFEE_SUMAMT); }
    public long fulamtOwnpayAmt() { return value(FULAMT_OWNPAY_AMT); }
    public long overlmtSelfpay() { return value(OVERLMT_SELFPAY); }
    public long preselfpayAmt() { return value(PRESELFPAY_AMT); }
    public long inscpScpAmt() { return value(INSCP_SCP_AMT); }
    public long actPayDedc() { return value(ACT_PAY_DEDC); }
    public long hifpPay() { return value(HIFP_PAY); }
    public int poolPropSelfpay() { return (int) value(POOL_PROP_SELFPAY); }
    public long cvlservPay() { return value(CVLSERV_PAY); }
    public long hifmiPay() { return value(HIFMI_PAY); }
    public long hifobPay() { return value(HIFOB_PAY); }
    public long mafPay() { return value(MAF_PAY); }
    public long othPay() { return value(OTH_PAY); }
    public long fundPaySumamt() { return value(FUND_PAY_SUMAMT); }
    public long acctPay() { return value(ACCT_PAY); }
    public long psnCashPay() { return value(PSN_CASH_PAY); }
    public long psnPartAmt() { return value(PSN_PART_AMT); }
    public long hospPartAmt() { return value(HOSP_PART_AMT); }
    public long balc() { return value(BALC); }

    public boolean eligible() {
        return ineligibility == null;
    }

    /** Why the visit was settled without insurance, or null when the person was eligible. */
    public Ineligibility ineligibility() {
        return ineligibility;
    }

    /** The reason's words, or null when eligible. */
    public String ineligibleReason() {
        return ineligibility == null ? null : ineligibility.explanation();
    }

    /** What this settlement credited to the village outpatient card (the year's credit, owed whether or not the visit stands). */
    public long outpatientCardCredit() {
        return outpatientCardCredit;
    }

    /**
     * What the village outpatient card paid for this visit (part of {@code hifp_pay}): all a cancellation gives
     * back to the card, which keeps the year's credit.
     */
    public long outpatientCardPaid() {
        return outpatientCardPaid;
    }

    public Accumulators after() {
        return after;
    }

    public List<TraceEntry> trace() {
        return trace;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settlement s && Arrays.equals(values, s.values) && Objects.equals(ineligibility, s.ineligibility)
                && outpatientCardCredit == s.outpatientCardCredit
                && outpatientCardPaid == s.outpatientCardPaid && Objects.equals(after, s.after) && trace.equals(s.trace);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Objects.hashCode(after);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Settlement[");
        for (SettlementField f : FIELDS) b.append(f.national()).append('=').append(values[f.ordinal()]).append(", ");
        return b.append("ineligibility=").append(ineligibility).append(", after=").append(after).append(']').toString();
    }

    /**
     * Names every value. {@code fund_pay_sumamt} and {@code psn_part_amt} are derived from their
     * parts unless set; the constructor checks every identity either way.
     */
    public static final class Builder {
        private long[] values = new long[FIELDS.length];
        private boolean fundsSet;
        private boolean personPartSet;
        private Ineligibility ineligibility;
        private long outpatientCardCredit;
        private long outpatientCardPaid;
        private Accumulators after;
        private List<TraceEntry> trace = List.of();

        private Builder() {}

        public Builder set(SettlementField field, long value) {
            values[field.ordinal()] = value;
            if (field == FUND_PAY_SUMAMT) fundsSet = true;
            if (field == PSN_PART_AMT) personPartSet = true;
            return this;
        }

        public Builder ineligibility(Ineligibility reason) {
            this.ineligibility = reason;
            return this;
        }

        public Builder outpatientCardCredit(long fen) {
            this.outpatientCardCredit = fen;
            return this;
        }

        public Builder outpatientCardPaid(long fen) {
            this.outpatientCardPaid = fen;
            return this;
        }

        public Builder after(Accumulators accumulators) {
            this.after = accumulators;
            return this;
        }

        public Builder trace(List<TraceEntry> entries) {
            this.trace = List.copyOf(entries);
            return this;
        }

        /** The settlement; the builder cannot be used again. */
        public Settlement build() {
            long[] v = values;
            values = null;
            if (!fundsSet) {
                long funds = 0;
                for (SettlementField f : FUNDS) funds += v[f.ordinal()];
                v[FUND_PAY_SUMAMT.ordinal()] = funds;
            }
            if (!personPartSet) v[PSN_PART_AMT.ordinal()] = v[ACCT_PAY.ordinal()] + v[PSN_CASH_PAY.ordinal()];
            return new Settlement(v, ineligibility, outpatientCardCredit, outpatientCardPaid, after, trace);
        }
    }
}
