package org.openyibao.platform.casepayment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps the discharged cases of the national interface's inpatient visits (docs/hospital-payment.md#case-based-payment-on-the-platform):
 * 2402 discharge captures the case (diagnoses, procedures, discharge way, the patient's age and sex, the stay), 2405
 * withdraws it, 2304 settlement adds the cost, the fund's payment and the emergency flag and has the case grouped and
 * paid ({@link CaseSettlement}), 2305/2601 takes the settlement back. Each change is an event in case_review_event.
 * Runs in the interface call's transaction: the case and the visit change together.
 */
@Service
public class CaseCapture {
    private final JdbcTemplate jdbc;
    private final CaseEvents events;
    private final CaseSettlement settlement;

    public CaseCapture(JdbcTemplate jdbc, CaseEvents events, CaseSettlement settlement) {
        this.jdbc = jdbc;
        this.events = events;
        this.settlement = settlement;
    }

    /** 2402: the visit's case as discharged (again, when the hospital sends the discharge a second time). */
    public void discharged(String mdtrtId, DischargeRecord r) {
        Map<String, Object> v = jdbc.queryForMap("SELECT v.fixmedins_code, v.kind, v.begntime, v.endtime, v.diagnoses, p.id, p.gender,"
                + " p.birth_date, i.admdvs FROM fsi_visit v JOIN person p ON p.id = v.person_id"
                + " JOIN institution i ON i.code = v.fixmedins_code WHERE v.mdtrt_id = ?", mdtrtId);
        if (!"inpatient".equals(v.get("kind"))) return; // only inpatient stays are paid by case
        if (r.principal() == null) r = withVisitDiagnoses(r, (String) v.get("diagnoses"));
        LocalDate admitted = ((Timestamp) v.get("begntime")).toLocalDateTime().toLocalDate();
        LocalDate discharged = ((Timestamp) v.get("endtime")).toLocalDateTime().toLocalDate();
        LocalDate born = ((java.sql.Date) v.get("birth_date")).toLocalDate();
        // age at admission: whole years, and days when under one year (the newborn split rules read them)
        Period age = born.isAfter(admitted) ? Period.ZERO : Period.between(born, admitted);
        int ageDays = age.getYears() == 0 && !born.isAfter(admitted) ? (int) ChronoUnit.DAYS.between(born, admitted) : 0;
        // a stay's length in days, a same-day stay counting one (the grouper's lengthOfStay)
        int los = (int) Math.max(1, ChronoUnit.DAYS.between(admitted, discharged));
        Object[] values = {r.principal(), String.join(",", r.secondary()), String.join(",", r.procedures()), r.dscgWay(),
                r.birthWeightGrams(), age.getYears(), ageDays, v.get("gender"), admitted, discharged, los, now()};
        int updated = jdbc.update("UPDATE discharged_case SET principal_diagnosis = ?, secondary_diagnoses = ?, procedures = ?,"
                + " dscg_way = ?, birth_weight_grams = ?, age_years = ?, age_days = ?, sex = ?, admitted_on = ?, discharged_on = ?,"
                + " length_of_stay = ?, updated_at = ?, status = 'discharged' WHERE mdtrt_id = ?", append(values, mdtrtId));
        if (updated == 0) {
            jdbc.update("INSERT INTO discharged_case (principal_diagnosis, secondary_diagnoses, procedures, dscg_way,"
                    + " birth_weight_grams, age_years, age_days, sex, admitted_on, discharged_on, length_of_stay, updated_at, mdtrt_id,"
                    + " admdvs, institution_code, person_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'discharged')",
                    append(append(append(append(values, mdtrtId), v.get("admdvs")), v.get("fixmedins_code")), v.get("id")));
        }
        event(mdtrtId, (String) v.get("admdvs"), "captured", null, null, (String) v.get("fixmedins_code"));
    }

    /**
     * A discharge that named no diagnosis keeps those of the admission (2401) or of 2203: the visit's list, its main
     * diagnosis first (VisitTransactions.diagnoses).
     */
    static DischargeRecord withVisitDiagnoses(DischargeRecord r, String visitDiagnoses) {
        List<String> dx = CaseSettlement.split(visitDiagnoses);
        if (dx.isEmpty()) return r;
        return new DischargeRecord(dx.get(0), dx.subList(1, dx.size()), r.procedures(), r.dscgWay(), r.birthWeightGrams());
    }

    /** 2405: the discharge is cancelled; the case is withdrawn until the next 2402. */
    public void dischargeCancelled(String mdtrtId) {
        Map<String, Object> c = find(mdtrtId);
        if (c == null) return;
        jdbc.update("UPDATE discharged_case SET status = 'withdrawn', updated_at = ? WHERE mdtrt_id = ?", now(), mdtrtId);
        event(mdtrtId, (String) c.get("admdvs"), "withdrawn", null, null, (String) c.get("institution_code"));
    }

    /**
     * 2304: the settlement of a discharged case. The cost and the fund's payment are the settlement's; a declared
     * emergency's case (the emergency cover paid, oth_pay &gt; 0) is outside the DRG/DIP limits (REFERENCE §7).
     */
    public void settled(String mdtrtId, String setlId) {
        Map<String, Object> c = find(mdtrtId);
        if (c == null || !"discharged".equals(c.get("status"))) return; // no 2402: the stay is paid by fee as before
        Map<String, Object> s = jdbc.queryForMap("SELECT visit_date, medfee_sumamt, fund_pay_sumamt, oth_pay FROM settlement"
                + " WHERE setl_id = ?", setlId);
        boolean emergency = ((Number) s.get("oth_pay")).longValue() > 0;
        jdbc.update("UPDATE discharged_case SET setl_id = ?, settled_on = ?, cost_fen = ?, fund_paid_fen = ?, emergency = ?,"
                + " status = 'settled', updated_at = ? WHERE mdtrt_id = ?", setlId, s.get("visit_date"), s.get("medfee_sumamt"),
                s.get("fund_pay_sumamt"), emergency, now(), mdtrtId);
        settlement.groupAndPay(mdtrtId);
    }

    /** 2305 / 2601: the settlement is cancelled; the case waits for the next one, its group and payment cleared. */
    public void settlementCancelled(String setlId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM discharged_case WHERE setl_id = ?", setlId);
        for (Map<String, Object> c : rows) {
            jdbc.update("UPDATE discharged_case SET setl_id = NULL, settled_on = NULL, cost_fen = NULL, fund_paid_fen = NULL,"
                    + " emergency = FALSE, method = NULL, table_version = NULL, outcome = NULL, mdc = NULL, adrg = NULL,"
                    + " group_code = NULL, group_name = NULL, weight_ppm = NULL, score_ppm = NULL, average_cost_fen = NULL,"
                    + " group_reason = NULL, group_trace = NULL, payment_kind = NULL, payment_fen = NULL, points_ppm = NULL,"
                    + " payment_trace = NULL, review_status = NULL, reviewed_fen = NULL, scheme = NULL,"
                    + " status = CASE WHEN status = 'settled' THEN 'discharged' ELSE status END, updated_at = ? WHERE mdtrt_id = ?",
                    now(), c.get("mdtrt_id"));
            event((String) c.get("mdtrt_id"), (String) c.get("admdvs"), "unsettled", null, null, (String) c.get("institution_code"));
        }
    }

    Map<String, Object> find(String mdtrtId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM discharged_case WHERE mdtrt_id = ?", mdtrtId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void event(String mdtrtId, String admdvs, String kind, Long amountFen, String reason, String actor) {
        events.record(mdtrtId, admdvs, kind, amountFen, reason, actor);
    }

    private OffsetDateTime now() {
        return events.now();
    }

    private static Object[] append(Object[] a, Object last) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
