package org.openyibao.platform.casepayment;

import java.sql.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.MonthlyCaseAdvance;
import org.openyibao.engine.casepay.PaidCase;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CaseAdvanceRules;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The monthly advance of case-paid settlements in a payment run (docs/hospital-payment.md#monthly-advance-of-drg-and-dip-cases).
 * A case paid by DRG or DIP earns its hospital the case's payment, not its fees, and the fund advances each month
 * what the engine's {@link MonthlyCaseAdvance} says under the pack's {@code hospital.case_payment.advance.*}: a case
 * paid by fee its fund share in full, the others {@code advance.share} of their estimated due (the DRG payment, or the
 * points × the estimated point value, less the patient's share). The patient's share and the other funds' parts do not
 * change, so the pooling fund's part moves by the difference, never below nothing; computed case by case (each
 * rounded half-up once), stored on the case (advanced_fen) for the year-end (DECISION, docs/decisions.md#case-advance).
 */
public final class CaseAdvances {
    private CaseAdvances() {}

    /**
     * Advances the case-paid settlements of a clearing application in run {@code runId}: stores each case's advance and
     * returns how far they move the pooling fund's part from the settlements' hifp_pay, in fen.
     */
    public static long advance(JdbcTemplate jdbc, PolicyPack pack, String application, String runId) {
        long adjustment = 0;
        for (Map<String, Object> c : jdbc.queryForList("SELECT c.*, s.hifp_pay FROM clearing_settlement cs"
                + " JOIN settlement s ON s.setl_id = cs.setl_id JOIN discharged_case c ON c.setl_id = cs.setl_id"
                + " WHERE cs.clr_appy_evt_id = ? AND s.status = 'settled' AND c.status = 'settled' AND c.method IS NOT NULL"
                + " AND c.payment_kind IS NOT NULL ORDER BY c.mdtrt_id", application)) {
            // the rules in force on the discharge date, as the case was priced (CaseSettlement)
            CaseAdvanceRules rules = CaseAdvanceRules.of(pack, ((Date) c.get("discharged_on")).toLocalDate());
            if (rules == null) continue; // no case payment in the pack: the fees as before
            long cost = num(c, "cost_fen"), fund = num(c, "fund_paid_fen"), hifp = num(c, "hifp_pay");
            MonthlyCaseAdvance m = MonthlyCaseAdvance.of(List.of(new PaidCase(payment(c), Math.max(0, cost - fund))), rules);
            long due = m.byFeeDueFen() + m.advanceFen();
            long adj = Math.max(due - fund, -hifp);
            jdbc.update("UPDATE discharged_case SET advanced_fen = ?, advance_run_id = ? WHERE mdtrt_id = ?", fund + adj, runId,
                    c.get("mdtrt_id"));
            adjustment += adj;
        }
        return adjustment;
    }

    /** A stored case's payment as the engine's year-end and advance read it (no steps). */
    static CasePayment payment(Map<String, Object> c) {
        Method method = Method.of((String) c.get("method"));
        String kind = (String) c.get("payment_kind");
        // "by_fee" is the platform's: a case the grouping could not take, paid its cost like the engine's no-group case
        CasePayment.Kind k = "by_fee".equals(kind) ? CasePayment.Kind.NO_GROUP : CasePayment.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        long payment = num(c, "payment_fen"), points = num(c, "points_ppm");
        return new CasePayment((String) c.get("mdtrt_id"), k, method, (String) c.get("group_code"),
                method == Method.DRG || k.byFee() ? payment : 0, method == Method.DIP && !k.byFee() ? points : 0,
                "pending".equals(c.get("review_status")), List.of());
    }

    private static long num(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
