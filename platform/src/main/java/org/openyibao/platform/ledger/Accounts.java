package org.openyibao.platform.ledger;

import java.util.List;

import org.openyibao.engine.settlement.SettlementField;

/**
 * The chart of accounts every pooling region gets: each fund is a self-balancing set of accounts
 * (fund accounting). Codes are {@code <admdvs>:<fund>:<account>}.
 */
public final class Accounts {
    private Accounts() {}

    /** A fund and the national settlement field it pays (REFERENCE §3); the funds a settlement pays are {@link #PAYING}. */
    public enum Fund {
        POOLING("pooling", "basic pooling fund (统筹基金)", SettlementField.HIFP_PAY),
        LARGE_AMOUNT("large_amount", "large-amount cover (大额医疗补助)", SettlementField.HIFOB_PAY),
        SERIOUS_ILLNESS("serious_illness", "serious-illness insurance (大病保险)", SettlementField.HIFMI_PAY),
        CIVIL_SERVANT("civil_servant", "civil-servant subsidy (公务员医疗补助)", SettlementField.CVLSERV_PAY),
        ASSISTANCE("assistance", "medical assistance (医疗救助)", SettlementField.MAF_PAY),
        EMERGENCY("emergency", "public-health emergency fiscal cover", SettlementField.OTH_PAY),
        INDIVIDUAL_ACCOUNTS("individual_accounts", "individual accounts (个人账户)", SettlementField.ACCT_PAY);

        /** The funds that pay a settlement from their pooled money (the individual account pays from the person's). */
        public static final List<Fund> PAYING = List.of(POOLING, LARGE_AMOUNT, SERIOUS_ILLNESS, CIVIL_SERVANT, ASSISTANCE,
                EMERGENCY);

        public final String key;
        public final String title;
        public final SettlementField settlementField;

        Fund(String key, String title, SettlementField settlementField) {
            this.key = key;
            this.title = title;
            this.settlementField = settlementField;
        }

        /** "pooling:bank" */
        public String account(String name) {
            return key + ":" + name;
        }

        /** The fund named {@code key} ("pooling"), or null. */
        public static Fund of(String key) {
            for (Fund f : values()) if (f.key.equals(key)) return f;
            return null;
        }

        public static String keys() {
            StringBuilder b = new StringBuilder();
            for (Fund f : values()) b.append(b.length() == 0 ? "" : ", ").append(f.key);
            return b.toString();
        }
    }

    /**
     * The liability every region's individual-accounts fund owes its account holders: its credit
     * balance equals the sum of the individual accounts (the sub-ledger), checked by {@link LedgerCheck}.
     */
    public static final String HOLDERS = Fund.INDIVIDUAL_ACCOUNTS.account("holders");

    /** An account every fund has: its name, kind and title. */
    public record Template(String name, String kind, String title) {}

    public static final List<Template> TEMPLATES = List.of(
            new Template("bank", "asset", "fund bank account"),
            new Template("contributions_receivable", "asset", "contributions due, not yet paid"),
            new Template("fiscal_receivable", "asset", "requested from public finance, not yet received"),
            new Template("contributions", "income", "contributions (employers, employees, residents)"),
            new Template("fiscal_income", "income", "fiscal subsidies and transfers from public finance"),
            new Template("transfers_in", "income", "transfers from another fund"),
            new Template("benefits", "expense", "benefits paid for settlements"),
            new Template("transfers_out", "expense", "transfers to another fund"),
            new Template("payable_institutions", "liability", "owed to designated institutions"),
            new Template("holders", "liability", "owed to account holders (individual accounts)"),
            new Template("fund_balance", "equity", "accumulated fund balance (year-end close)"));

    /**
     * The serious-illness fund's own accounts, beside {@link #TEMPLATES}: its money is accounted separately (单独核算,
     * issue 13) because it buys the cover from a commercial insurer under the contract in the policy pack
     * ({@link InsurerPremium}; docs/ledger.md#insurer-premium).
     */
    public static final List<Template> SERIOUS_ILLNESS_TEMPLATES = List.of(
            new Template("insurer_premium", "expense", "premium of the insurer's contract, from contributions"),
            new Template("premium_due", "liability", "premium owed to the insurer's contract, not yet paid or withheld"),
            new Template("insurer_reserve", "liability", "premium withheld as the contract's reserve until the evaluation"),
            new Template("insurer_claims", "income", "claims paid by the insurer (the settlements' hifmi_pay it reimbursed)"),
            new Template("recoveries", "income", "recovered from institutions after the insurer's case audit"));

    /**
     * The pooling fund's own account, beside {@link #TEMPLATES}: the monthly prepayments to institutions under their
     * budgets (总额控制, issue 13), an asset until they are set against the institutions' cleared spending
     * (org.openyibao.platform.hospital; docs/hospital-payment.md).
     */
    public static final List<Template> POOLING_TEMPLATES = List.of(
            new Template("prepaid_institutions", "asset", "prepaid to institutions, not yet set against their spending"));

    /** The templates of {@code fund}'s accounts: every fund's, and the pooling and serious-illness funds' own. */
    public static List<Template> templates(Fund fund) {
        List<Template> own = fund == Fund.SERIOUS_ILLNESS ? SERIOUS_ILLNESS_TEMPLATES
                : fund == Fund.POOLING ? POOLING_TEMPLATES : List.of();
        if (own.isEmpty()) return TEMPLATES;
        List<Template> all = new java.util.ArrayList<>(TEMPLATES);
        all.addAll(own);
        return all;
    }

    public static String code(String admdvs, String account) {
        return admdvs + ":" + account;
    }
}
