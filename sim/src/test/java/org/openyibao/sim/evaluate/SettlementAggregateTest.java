package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openyibao.engine.settlement.SettlementField.*;
import static org.openyibao.sim.evaluate.SettlementRows.of;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

class SettlementAggregateTest {

    /**
     * Five households, one per quintile (ids 10 … 50, per-capita income rising). Rows (fen):
     * hh 10 resident township: medfee 10,000 = fund 6,000 (hifp 5,000 + hifmi 500 + maf 500) + psn 4,000
     * hh 10 resident level3:   medfee 50,000 = fund 30,000 (hifp) + psn 20,000
     * hh 50 employee level3:   medfee 20,000 = fund 18,000 (hifp 16,000 + cvlserv 2,000) + psn 2,000
     * hh 30 uninsured level1:  medfee 1,000 = psn 1,000
     * Total: medfee 81,000, fund 54,000 → 66.67%; psn 27,000 → 33.33%.
     * Q1 (hh 10): 36,000 / 60,000 = 60.00%; Q3: 0 / 1,000; Q5: 90.00%; Q2, Q4 no spending (NaN).
     * Level3: (30,000 + 18,000) / 70,000 = 68.57%.
     */
    @Test
    void sumsByGroup() {
        Households h = new Households();
        for (int k = 1; k <= 5; k++) Populations.add(h, 10L * k, 1, 1_000L * k, 10_000, 0);
        SettlementAggregate a = new SettlementAggregate(h);
        a.add(Scheme.RESIDENT, Level.TOWNSHIP, 10, of(MEDFEE_SUMAMT, 10_000, FUND_PAY_SUMAMT, 6_000, PSN_PART_AMT, 4_000,
                HIFP_PAY, 5_000, HIFMI_PAY, 500, MAF_PAY, 500, BALC, 123_456));
        a.add(Scheme.RESIDENT, Level.LEVEL3, 10, of(MEDFEE_SUMAMT, 50_000, FUND_PAY_SUMAMT, 30_000, PSN_PART_AMT, 20_000,
                HIFP_PAY, 30_000));
        SettlementAggregate part2 = new SettlementAggregate(h);
        part2.add(Scheme.EMPLOYEE, Level.LEVEL3, 50, of(MEDFEE_SUMAMT, 20_000, FUND_PAY_SUMAMT, 18_000, PSN_PART_AMT, 2_000,
                HIFP_PAY, 16_000, CVLSERV_PAY, 2_000, ACCT_PAY, 1_500));
        part2.add(null, Level.LEVEL1, 30, of(MEDFEE_SUMAMT, 1_000, PSN_PART_AMT, 1_000));
        Reimbursement r = a.merge(part2).result();

        assertThat(r.total().settlements()).isEqualTo(4);
        assertThat(r.total().medfeeSumamt()).isEqualTo(81_000);
        assertThat(r.total().fundPaySumamt()).isEqualTo(54_000);
        assertThat(r.total().sum(HIFMI_PAY)).isEqualTo(500);
        assertThat(r.total().sum(ACCT_PAY)).isEqualTo(1_500);
        assertThat(r.total().sums()).as("the totals and the funds, not the ratio or the balance")
                .containsOnlyKeys(SettlementAggregate.FIELDS).doesNotContainKeys(POOL_PROP_SELFPAY, BALC);
        assertThatThrownBy(() -> r.total().sum(BALC)).hasMessageContaining("balc is not summed");
        assertThat(Format.percent(r.total().effectiveReimbursement())).isEqualTo("66.67%");
        assertThat(Format.percent(r.total().outOfPocketShare())).isEqualTo("33.33%");

        assertThat(r.byScheme()).extracting(Reimbursement.Row::key).containsExactly("resident", "employee", "uninsured");
        assertThat(r.byScheme().get(0).medfeeSumamt()).isEqualTo(60_000);
        assertThat(r.byScheme().get(1).sum(CVLSERV_PAY)).isEqualTo(2_000);
        assertThat(r.byScheme().get(2).psnPartAmt()).isEqualTo(1_000);

        Reimbursement.Row level3 = r.byLevel().get(Level.LEVEL3.ordinal());
        assertThat(level3.key()).isEqualTo("level3");
        assertThat(Format.percent(level3.effectiveReimbursement())).isEqualTo("68.57%");

        assertThat(Format.percent(r.byQuintile().get(0).effectiveReimbursement())).isEqualTo("60.00%");
        assertThat(r.byQuintile().get(1).effectiveReimbursement()).isNaN();
        assertThat(r.byQuintile().get(2).effectiveReimbursement()).isZero();
        assertThat(Format.percent(r.byQuintile().get(4).effectiveReimbursement())).isEqualTo("90.00%");
    }

    @Test
    void aSettlementOfAnUnknownHouseholdIsRefused() {
        Households h = new Households();
        Populations.add(h, 1, 1, 1, 1, 1);
        SettlementAggregate a = new SettlementAggregate(h);
        assertThatThrownBy(() -> a.add(Scheme.RESIDENT, Level.VILLAGE, 2, of(MEDFEE_SUMAMT, 1, PSN_PART_AMT, 1)))
                .hasMessageContaining("household 2");
    }

    @Test
    void householdsComeInIdOrder() {
        Households h = new Households();
        Populations.add(h, 5, 1, 1, 1, 1);
        assertThatThrownBy(() -> Populations.add(h, 5, 1, 1, 1, 1)).hasMessageContaining("increasing household_id");
    }
}
