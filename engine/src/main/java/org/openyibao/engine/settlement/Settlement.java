package org.openyibao.engine.settlement;

import java.util.List;

/**
 * The result of settling one visit, with the national interface's field names (REFERENCE §3,
 * INTERFACE 2207), all in fen except {@code poolPropSelfpay} (the pooling ratio, ppm).
 * Identities that always hold (checked by {@link SettlementEngine} and the property tests):
 * medfee_sumamt = fulamt_ownpay_amt + overlmt_selfpay + preselfpay_amt + inscp_scp_amt
 *               = fund_pay_sumamt + psn_part_amt + hosp_part_amt;  psn_part_amt = acct_pay + psn_cash_pay.
 */
public record Settlement(
        long medfeeSumamt,
        long fulamtOwnpayAmt,
        long overlmtSelfpay,
        long preselfpayAmt,
        long inscpScpAmt,
        long actPayDedc,
        long hifpPay,
        int poolPropSelfpay,
        long cvlservPay,
        long hifmiPay,
        long hifobPay,
        long mafPay,
        long othPay,
        long fundPaySumamt,
        long acctPay,
        long psnCashPay,
        long psnPartAmt,
        long hospPartAmt,
        long balc,
        boolean eligible,
        String ineligibleReason,
        Accumulators after,
        List<TraceEntry> trace) {}
