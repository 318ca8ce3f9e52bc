package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.Scheme;

/**
 * The national settlement fields (INTERFACE 2207 {@code setlinfo}, REFERENCE §3), one row each, in the order
 * {@code setlinfo} lists them (so every surface that loops over the table lists them in the interface's order):
 * the name every surface uses (calc output, the interface's replies and {@code setldetail}, the
 * database column, the Parquet column, the docs), what it means, its unit, the fund code where a
 * fund pays it, and what a cancellation (2208) does to it. Everything that lists the fields reads
 * this table; adding a national field is one row here (and, where stored, a column).
 *
 * <p>Identities (asserted by {@link Settlement}): medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay
 * + preselfpay_amt + inscp_scp_amt = fund_pay_sumamt + psn_part_amt + hosp_part_amt;
 * fund_pay_sumamt = the funds' fields; psn_part_amt = acct_pay + psn_cash_pay.
 */
public enum SettlementField {
    MEDFEE_SUMAMT("medfee_sumamt", "total medical cost of the visit", Unit.FEN, null, null, "", Cancellation.NEGATE),
    FULAMT_OWNPAY_AMT("fulamt_ownpay_amt", "fully self-paid (class C lines)", Unit.FEN, null, null, "", Cancellation.NEGATE),
    OVERLMT_SELFPAY("overlmt_selfpay", "above the catalogue price limit", Unit.FEN, null, null, "", Cancellation.NEGATE),
    PRESELFPAY_AMT("preselfpay_amt", "class B self-pay-first part", Unit.FEN, null, null, "", Cancellation.NEGATE),
    INSCP_SCP_AMT("inscp_scp_amt", "within the policy scope", Unit.FEN, null, null, "", Cancellation.NEGATE),
    ACT_PAY_DEDC("act_pay_dedc", "deductible actually paid this visit", Unit.FEN, null, null, "", Cancellation.NEGATE),
    HIFP_PAY("hifp_pay", "basic pooling fund", Unit.FEN, "310100", "390100",
            "职工基本医疗保险统筹基金|城乡居民基本医疗保险基金", Cancellation.NEGATE),
    POOL_PROP_SELFPAY("pool_prop_selfpay", "basic pooling ratio applied (ppm; 0.7500 on the wire)", Unit.PPM, null, null, "",
            Cancellation.KEEP),
    CVLSERV_PAY("cvlserv_pay", "civil servants' medical subsidy", Unit.FEN, "320100", "320100",
            "公务员医疗补助资金|公务员医疗补助资金", Cancellation.NEGATE),
    HIFMI_PAY("hifmi_pay", "serious-illness insurance", Unit.FEN, "391100", "391100",
            "城乡居民大病医疗保险|城乡居民大病医疗保险", Cancellation.NEGATE),
    // residents: 390300 城乡居民大病补充保险基金 (OH YbPayment), not the employees' 330100: docs/fsi.md "Settlement replies" DECISION
    HIFOB_PAY("hifob_pay", "large-amount cover above the basic cap", Unit.FEN, "330100", "390300",
            "职工大额医疗费用补助|城乡居民大病补充保险基金", Cancellation.NEGATE),
    MAF_PAY("maf_pay", "medical assistance fund", Unit.FEN, "610100", "610100", "医疗救助基金|医疗救助基金",
            Cancellation.NEGATE),
    OTH_PAY("oth_pay", "other funds: public-health emergency cover", Unit.FEN, "999999", "999999",
            "其他基金 (公共卫生应急财政保障)|其他基金 (公共卫生应急财政保障)", Cancellation.NEGATE),
    FUND_PAY_SUMAMT("fund_pay_sumamt", "all funds together", Unit.FEN, null, null, "", Cancellation.NEGATE),
    PSN_PART_AMT("psn_part_amt", "the person's part: account and cash", Unit.FEN, null, null, "", Cancellation.NEGATE),
    ACCT_PAY("acct_pay", "individual account", Unit.FEN, "310200", "310200",
            "职工基本医疗保险个人账户基金|职工基本医疗保险个人账户基金", Cancellation.NEGATE),
    PSN_CASH_PAY("psn_cash_pay", "the person's cash", Unit.FEN, null, null, "", Cancellation.NEGATE),
    HOSP_PART_AMT("hosp_part_amt", "borne by the institution", Unit.FEN, null, null, "", Cancellation.NEGATE),
    BALC("balc", "individual account balance after the visit", Unit.FEN, null, null, "", Cancellation.KEEP);

    /** How a field's value is counted. */
    public enum Unit {
        /** money, integer fen; yuan with two decimals on the wire */
        FEN,
        /** a ratio in parts per million */
        PPM
    }

    /** What a cancellation's reply (2208) shows for the field. */
    public enum Cancellation {
        /** the amount, negated: the cancellation gives it back */
        NEGATE,
        /** the value as it was (a ratio, a balance) */
        KEEP
    }

    private final String national;
    private final String meaning;
    private final Unit unit;
    private final String employeeFundCode;
    private final String residentFundCode;
    private final String employeeFundName;
    private final String residentFundName;
    private final Cancellation cancellation;

    SettlementField(String national, String meaning, Unit unit, String employeeFundCode, String residentFundCode,
                    String fundNames, Cancellation cancellation) {
        this.national = national;
        this.meaning = meaning;
        this.unit = unit;
        this.employeeFundCode = employeeFundCode;
        this.residentFundCode = residentFundCode;
        String[] names = fundNames.split("\\|", -1);
        this.employeeFundName = names[0].isEmpty() ? null : names[0];
        this.residentFundName = names.length > 1 ? names[1] : null;
        this.cancellation = cancellation;
    }

    /** The national field name, e.g. {@code hifp_pay}. */
    public String national() {
        return national;
    }

    public String meaning() {
        return meaning;
    }

    public Unit unit() {
        return unit;
    }

    public Cancellation cancellation() {
        return cancellation;
    }

    /** Whether one fund pays this field (and a {@code setldetail} row reports it). */
    public boolean isFund() {
        return employeeFundCode != null;
    }

    /** The national fund payment type ({@code fund_pay_type}) for the person's scheme, or null when not a fund. */
    public String fundCode(Scheme scheme) {
        return scheme == Scheme.EMPLOYEE ? employeeFundCode : residentFundCode;
    }

    /** The fund payment type's name ({@code fund_pay_type_name}) for the scheme, or null. */
    public String fundName(Scheme scheme) {
        return scheme == Scheme.EMPLOYEE ? employeeFundName : residentFundName;
    }

    /** The value a cancellation reports for {@code value}. */
    public long onCancellation(long value) {
        return cancellation == Cancellation.NEGATE ? -value : value;
    }

    /** The field named {@code national}, or null. */
    public static SettlementField of(String national) {
        for (SettlementField f : values()) if (f.national.equals(national)) return f;
        return null;
    }
}
