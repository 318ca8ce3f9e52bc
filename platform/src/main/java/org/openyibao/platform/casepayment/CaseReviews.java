package org.openyibao.platform.casepayment;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.grouping.Method;
import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.web.ApiException;

/**
 * The special-case review queue (特例单议, docs/hospital-payment.md#special-case-review): cases the payment rules sent
 * to review wait, paid their group's standard provisionally, until the agency approves them with the reviewed amount
 * (fen for DRG, points for DIP) or rejects the review with a reason (the provisional payment then stands). Each
 * decision is an event; a year with undecided cases cannot be closed (SpecialCasesNotDecided).
 */
@Service
public class CaseReviews {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HospitalRegions regions;
    private final CaseSettlement settlement;
    private final CaseEvents events;
    private final CaseQueries queries;

    public CaseReviews(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions, CaseSettlement settlement,
                       CaseEvents events, CaseQueries queries) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.settlement = settlement;
        this.events = events;
        this.queries = queries;
    }

    /** The decision: approve with the reviewed amount (fen for DRG, points in millionths for DIP), or reject. */
    public record Decision(String decision, Long reviewed, String reason) {}

    /** The cases waiting for review, oldest discharge first. */
    public List<CaseQueries.Case> pending(String admdvs) {
        regions.require(admdvs);
        return jdbc.queryForList("SELECT * FROM discharged_case WHERE admdvs = ? AND review_status = 'pending' AND status = 'settled'"
                + " ORDER BY discharged_on, mdtrt_id", admdvs).stream().map(CaseQueries::row).toList();
    }

    public CaseQueries.Explained decide(String admdvs, String mdtrtId, Decision d, String who) {
        regions.require(admdvs);
        if (d == null || d.decision() == null || !List.of("approve", "reject").contains(d.decision())) {
            throw ApiException.badRequest("decision", "decision: approve or reject");
        }
        String reason = d.reason() == null ? null : d.reason().strip();
        if ("reject".equals(d.decision()) && (reason == null || reason.isEmpty())) {
            throw ApiException.badRequest("reason", "reason: required to reject a review");
        }
        if (reason != null && reason.length() > 400) throw ApiException.badRequest("reason", "reason: at most 400 characters");
        if ("approve".equals(d.decision()) && (d.reviewed() == null || d.reviewed() < 0)) {
            throw ApiException.badRequest("reviewed", "reviewed: the amount the review approves, 0 or more");
        }
        tx.executeWithoutResult(s -> {
            // the case's row locked alone (a join FOR UPDATE would lock the region's and the institution's rows too)
            jdbc.queryForList("SELECT mdtrt_id FROM discharged_case WHERE admdvs = ? AND mdtrt_id = ? FOR UPDATE", admdvs, mdtrtId);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT c.*, r.policy_pack, i.level FROM discharged_case c"
                    + " JOIN region r ON r.admdvs = c.admdvs JOIN institution i ON i.code = c.institution_code"
                    + " WHERE c.admdvs = ? AND c.mdtrt_id = ?", admdvs, mdtrtId);
            if (rows.isEmpty()) throw ApiException.notFound("mdtrt_id", "mdtrt_id: no case " + mdtrtId + " in region " + admdvs);
            Map<String, Object> row = rows.get(0);
            if (!"pending".equals(row.get("review_status")) || !"settled".equals(row.get("status"))) {
                throw ApiException.conflict("mdtrt_id", "mdtrt_id: case " + mdtrtId + " is not waiting for special review");
            }
            if ("approve".equals(d.decision())) approve(row, d.reviewed(), reason == null ? "approved on review" : reason, who);
            else reject(row, reason, who);
        });
        return queries.find(admdvs, mdtrtId, null);
    }

    private void approve(Map<String, Object> row, long reviewed, String reason, String who) {
        String mdtrtId = (String) row.get("mdtrt_id");
        // the payment is computed again from the stored case (pure and deterministic), then paid what the review decided
        CaseSettlement.Priced p = settlement.price(row);
        if (p.payment() == null || !p.payment().pendingReview()) {
            throw ApiException.conflict("mdtrt_id", "mdtrt_id: case " + mdtrtId + " no longer goes to special review under the"
                    + " rules in force; settle it again");
        }
        CasePayment after = p.payment().afterReview(reviewed, reason);
        boolean drg = p.method() == Method.DRG;
        jdbc.update("UPDATE discharged_case SET payment_fen = ?, points_ppm = ?, payment_trace = ?, review_status = 'approved',"
                        + " reviewed_fen = ?, updated_at = ? WHERE mdtrt_id = ?", after.paymentFen(), drg ? null : after.pointsPpm(),
                CaseSettlement.json(CaseSettlement.steps(after)), reviewed, events.now(), mdtrtId);
        events.record(mdtrtId, (String) row.get("admdvs"), "approved", reviewed, reason, who);
    }

    private void reject(Map<String, Object> row, String reason, String who) {
        String mdtrtId = (String) row.get("mdtrt_id");
        jdbc.update("UPDATE discharged_case SET review_status = 'rejected', updated_at = ? WHERE mdtrt_id = ?", events.now(), mdtrtId);
        events.record(mdtrtId, (String) row.get("admdvs"), "rejected", null, reason, who);
    }
}
