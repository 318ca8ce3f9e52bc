package org.openyibao.platform.insurer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CaseAudit;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * Opens and withdraws the serious-illness insurer's cases (docs/insurer.md#audit), inside the caller's transaction:
 * a settlement the serious-illness fund paid (hifmi_pay &gt; 0) opens one case, {@code open} when the sampling rule
 * in force on the settlement date picks it, {@code not_sampled} when it passes without review; a cancelled
 * settlement withdraws it (and a decision's entry is reversed with it). Settlements recorded before cases existed get
 * theirs on first use ({@link #backfill}).
 */
public final class CaseBook {
    /** A pack with no audit rules: every case is reviewed (the insurer audits "one by one", Luo 2020, §2.9.4 (4)). */
    static final String NO_RULE = "all (no audit rule in the pack)";

    private final JdbcTemplate jdbc;
    private final PolicyPacks packs;
    private final Ledger ledger;

    public CaseBook(JdbcTemplate jdbc, PolicyPacks packs, Ledger ledger) {
        this.jdbc = jdbc;
        this.packs = packs;
        this.ledger = ledger;
    }

    /** Opens the case of a settlement recorded now (nothing when the serious-illness fund paid nothing). */
    public void open(String setlId, String admdvs, String institution, LocalDate date, long hifmiPayFen, PolicyPack pack) {
        if (hifmiPayFen <= 0) return;
        CaseAudit audit = CaseAudit.of(pack, date);
        boolean sampled = audit == null || audit.sampled(setlId, hifmiPayFen);
        String rule = audit == null ? NO_RULE : audit.samplingCited().value();
        jdbc.update("INSERT INTO si_case (setl_id, admdvs, institution_code, visit_date, settled_fen, amount_fen, status,"
                + " sampling) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", setlId, admdvs, institution, date, hifmiPayFen, hifmiPayFen,
                sampled ? "open" : "not_sampled", rule);
    }

    /**
     * Withdraws the case of a cancelled settlement: its status becomes {@code withdrawn}; a decision that moved money
     * has its entry reversed on {@code today}, as the settlement's own entry is.
     */
    public void withdraw(String setlId, LocalDate today) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM si_case WHERE setl_id = ? FOR UPDATE", Long.class, setlId);
        if (ids.isEmpty()) return;
        long caseId = ids.get(0);
        List<Long> entries = jdbc.queryForList("SELECT entry_id FROM si_case_decision WHERE case_id = ? AND entry_id IS NOT NULL",
                Long.class, caseId);
        for (long entry : entries) {
            ledger.reverse(entry, today, "si_case", Long.toString(caseId),
                    "case " + caseId + " withdrawn with the cancellation of settlement " + setlId);
        }
        jdbc.update("UPDATE si_case SET status = 'withdrawn' WHERE id = ?", caseId);
    }

    /**
     * Opens the cases of the region's settlements recorded before cases existed (or by a path that opened none):
     * each settled one the serious-illness fund paid and that has no case, under the rule in force on its date.
     */
    public int backfill(String admdvs) {
        List<Map<String, Object>> missing = jdbc.queryForList("SELECT s.setl_id, s.institution_code, s.visit_date, s.hifmi_pay,"
                + " r.policy_pack FROM settlement s JOIN region r ON r.admdvs = s.admdvs WHERE s.admdvs = ? AND s.hifmi_pay > 0"
                + " AND s.status = 'settled' AND NOT EXISTS (SELECT 1 FROM si_case c WHERE c.setl_id = s.setl_id)", admdvs);
        for (Map<String, Object> m : missing) {
            open((String) m.get("setl_id"), admdvs, (String) m.get("institution_code"), toDate(m.get("visit_date")),
                    ((Number) m.get("hifmi_pay")).longValue(), packs.pack((String) m.get("policy_pack")));
        }
        return missing.size();
    }

    /**
     * The audit outcome of settlement {@code setlId} as its slip and history show it: the case, its status, the
     * serious-illness amount as settled and as it stands, the decision's reason; empty when it has no case.
     */
    public static Optional<ObjectNode> outcome(JdbcTemplate jdbc, String setlId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT c.id, c.status, c.settled_fen, c.amount_fen, d.reason_code,"
                + " d.decided_on FROM si_case c LEFT JOIN si_case_decision d ON d.case_id = c.id WHERE c.setl_id = ?", setlId);
        if (rows.isEmpty()) return Optional.empty();
        Map<String, Object> r = rows.get(0);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("case_id", ((Number) r.get("id")).longValue());
        o.put("status", (String) r.get("status"));
        o.put("settled_hifmi_pay", Money.yuan(((Number) r.get("settled_fen")).longValue()).toPlainString());
        o.put("hifmi_pay", Money.yuan(((Number) r.get("amount_fen")).longValue()).toPlainString());
        if (r.get("reason_code") != null) o.put("reason_code", (String) r.get("reason_code"));
        if (r.get("decided_on") != null) o.put("decided_on", toDate(r.get("decided_on")).toString());
        return Optional.of(o);
    }

    static LocalDate toDate(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(o.toString());
    }
}
