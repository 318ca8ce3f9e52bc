package org.openyibao.platform.casepayment;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly advance of case-paid settlements (docs/hospital-payment.md#monthly-advance-of-drg-and-dip-cases). A DRG
 * case earns its hospital the case's payment instead of its fees; the patient's share does not change, so the pooling
 * fund owes the payment less what the patient and the other funds paid: its settlement's hifp_pay + (payment − cost),
 * never below nothing (a case whose payment is below what the others paid costs the pooling fund nothing, DECISION,
 * docs/decisions.md#case-advance). A DIP case is advanced its fees: its points have no money value until the year-end
 * fixes the point value (DIP 2020; DECISION, docs/decisions.md#case-advance).
 */
public final class CaseAdvances {
    private CaseAdvances() {}

    /**
     * How far the DRG cases of a clearing application move the pooling fund's part from its settlements' hifp_pay: Σ
     * per case max(payment − cost, − hifp_pay), in fen, over the application's settlements still settled.
     */
    public static long drgAdjustment(JdbcTemplate jdbc, String application) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN c.payment_fen - c.cost_fen < -s.hifp_pay THEN -s.hifp_pay"
                + " ELSE c.payment_fen - c.cost_fen END), 0) FROM clearing_settlement cs"
                + " JOIN settlement s ON s.setl_id = cs.setl_id JOIN discharged_case c ON c.setl_id = cs.setl_id"
                + " WHERE cs.clr_appy_evt_id = ? AND s.status = 'settled' AND c.status = 'settled' AND c.method = 'drg'"
                + " AND c.payment_fen IS NOT NULL AND c.cost_fen IS NOT NULL", Long.class, application);
    }
}
