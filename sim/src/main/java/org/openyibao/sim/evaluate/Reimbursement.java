package org.openyibao.sim.evaluate;

import java.util.List;

/** A run's settlement sums by group ({@link SettlementAggregate#result()}). */
public record Reimbursement(Row total, List<Row> byScheme, List<Row> byLevel, List<Row> byQuintile) {

    /**
     * Sums of one group in fen, national field names.
     *
     * @param key a scheme key ({@code resident}, {@code employee}, {@code uninsured}), a level key, {@code Q1}–{@code Q5} or {@code total}
     */
    public record Row(String key, long settlements, long medfeeSumamt, long fundPaySumamt, long psnPartAmt,
                      long hifpPay, long cvlservPay, long hifobPay, long hifmiPay, long mafPay, long othPay) {

        /** 实际报销比: fund_pay_sumamt / medfee_sumamt; NaN without spending. */
        public double effectiveReimbursement() {
            return medfeeSumamt == 0 ? Double.NaN : (double) fundPaySumamt / medfeeSumamt;
        }

        /** Out-of-pocket share: psn_part_amt / medfee_sumamt; NaN without spending. */
        public double outOfPocketShare() {
            return medfeeSumamt == 0 ? Double.NaN : (double) psnPartAmt / medfeeSumamt;
        }
    }
}
