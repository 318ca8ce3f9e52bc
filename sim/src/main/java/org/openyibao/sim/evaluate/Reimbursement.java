package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Map;

import org.openyibao.engine.settlement.SettlementField;

/** A run's settlement sums by group ({@link SettlementAggregate#result()}). */
public record Reimbursement(Row total, List<Row> byScheme, List<Row> byLevel, List<Row> byQuintile) {

    /**
     * Sums of one group in fen, by national field ({@link SettlementAggregate#FIELDS}, in the table's order).
     *
     * @param key a scheme key ({@code resident}, {@code employee}, {@code uninsured}), a level key, {@code Q1}–{@code Q5} or {@code total}
     */
    public record Row(String key, long settlements, Map<SettlementField, Long> sums) {
        public Row {
            sums = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(sums));
        }

        /** The group's sum of {@code field}; refused for a field that is not summed (a ratio, a balance). */
        public long sum(SettlementField field) {
            Long v = sums.get(field);
            if (v == null) throw new IllegalArgumentException(field.national() + " is not summed");
            return v;
        }

        public long medfeeSumamt() {
            return sum(SettlementField.MEDFEE_SUMAMT);
        }

        public long fundPaySumamt() {
            return sum(SettlementField.FUND_PAY_SUMAMT);
        }

        public long psnPartAmt() {
            return sum(SettlementField.PSN_PART_AMT);
        }

        /** 实际报销比: fund_pay_sumamt / medfee_sumamt; NaN without spending. */
        public double effectiveReimbursement() {
            return medfeeSumamt() == 0 ? Double.NaN : (double) fundPaySumamt() / medfeeSumamt();
        }

        /** Out-of-pocket share: psn_part_amt / medfee_sumamt; NaN without spending. */
        public double outOfPocketShare() {
            return medfeeSumamt() == 0 ? Double.NaN : (double) psnPartAmt() / medfeeSumamt();
        }
    }
}
