package org.openyibao.platform.hospital;

import java.util.Map;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/**
 * The agency's decisions on institutions' clearing applications (3203, docs/hospital-payment.md): accepted, an
 * application's settlements become payables cleared against the institution's budget, which a payment run pays;
 * rejected with a reason, the institution applies again. 3204 cancels only an application not yet decided. An
 * application is cleared in the budget year of its end date and may not span two years.
 */
@Service
public class ClearingDecisions {
    public static final List<String> STATUSES = List.of("undecided", "accepted", "rejected", "cancelled", "paid");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HospitalRegions regions;
    private final Clock clock;

    @Autowired
    public ClearingDecisions(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions) {
        this(jdbc, tx, regions, Clock.systemDefaultZone());
    }

    public ClearingDecisions(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.clock = clock;
    }

    /** An application as the agency sees it; status one of {@link #STATUSES}. Amounts in yuan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Application(String clrAppyEvtId, String institutionCode, String institutionName, String clrType,
                              LocalDate begndate, LocalDate enddate, BigDecimal medfeeSumamt, BigDecimal fundPaySumamt,
                              BigDecimal acctPay, int setlCnt, int covered, String status, String reason, String decidedBy,
                              String runId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(String admdvs, int page, int size, long total, List<Application> applications) {}

    /** The clearing type of an application the agency files for settlements made outside the national interface. */
    public static final String OUTSIDE_INTERFACE = "agency";

    /**
     * Files, for each institution of the region, one clearing application covering its settlements of {@code year} made
     * outside the national interface (the agency's REST API, a bulk import, the demo) that no live application covers:
     * no 3203 can cover them, as 3203 covers the interface's settlements only (DECISION, docs/hospital-payment.md#outside-the-interface).
     * The applications are then accepted or rejected and paid like any other. A second call files nothing new; returns the
     * new applications' ids.
     */
    public List<String> fileOutsideInterface(String admdvs, Integer yearGiven) {
        regions.require(admdvs);
        int year = HospitalRegions.year(yearGiven);
        return tx.execute(s -> {
            HospitalRegions.lock(jdbc, admdvs);
            String uncovered = " FROM settlement s JOIN institution i ON i.code = s.institution_code WHERE s.admdvs = ?"
                    + " AND s.status = 'settled' AND s.visit_date >= ? AND s.visit_date <= ? AND (s.fund_pay_sumamt > 0 OR s.acct_pay > 0)"
                    + " AND NOT EXISTS (SELECT 1 FROM fsi_settlement f WHERE f.setl_id = s.setl_id)"
                    + " AND NOT EXISTS (SELECT 1 FROM clearing_settlement cs JOIN fsi_clearing c ON c.clr_appy_evt_id = cs.clr_appy_evt_id"
                    + " WHERE cs.setl_id = s.setl_id AND c.status = 'applied' AND NOT EXISTS (SELECT 1 FROM clearing_decision d"
                    + " WHERE d.clr_appy_evt_id = c.clr_appy_evt_id AND d.decision = 'rejected'))";
            LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year, 12, 31);
            List<Map<String, Object>> per = jdbc.queryForList("SELECT s.institution_code AS code, COUNT(*) AS cnt,"
                    + " SUM(s.medfee_sumamt) AS medfee, SUM(s.fund_pay_sumamt) AS fund, SUM(s.acct_pay) AS acct" + uncovered
                    + " GROUP BY s.institution_code ORDER BY s.institution_code", admdvs, from, to);
            List<String> ids = new java.util.ArrayList<>();
            for (Map<String, Object> r : per) {
                String code = (String) r.get("code");
                String id = "CLA" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
                jdbc.update("INSERT INTO fsi_clearing (clr_appy_evt_id, fixmedins_code, clr_type, begndate, enddate, medfee_sumamt,"
                        + " fund_pay_sumamt, acct_pay, setl_cnt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, code, OUTSIDE_INTERFACE,
                        from, to, n(r.get("medfee")), n(r.get("fund")), n(r.get("acct")), n(r.get("cnt")));
                jdbc.update("INSERT INTO clearing_settlement (clr_appy_evt_id, setl_id) SELECT ?, s.setl_id" + uncovered
                        + " AND s.institution_code = ?", id, admdvs, from, to, code);
                ids.add(id);
            }
            return ids;
        });
    }

    /** Accepts an undecided application of the region. Refused: unknown (404), decided or cancelled (409), two years (409). */
    public Application accept(String admdvs, String id, String by) {
        return decide(admdvs, id, "accepted", null, by);
    }

    /** Rejects an undecided application with a reason (400 reason when missing). */
    public Application reject(String admdvs, String id, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "reason: required, why the application is rejected (the institution reads it)");
        }
        if (reason.length() > 200) throw ApiException.badRequest("reason", "reason: at most 200 characters");
        return decide(admdvs, id, "rejected", reason.strip(), by);
    }

    private Application decide(String admdvs, String id, String decision, String reason, String by) {
        regions.require(admdvs);
        return tx.execute(s -> {
            // the application's row first: a 3204 cancellation racing this decision waits or is seen
            jdbc.queryForList("SELECT status FROM fsi_clearing WHERE clr_appy_evt_id = ? FOR UPDATE", String.class, id);
            Application now = find(admdvs, id);
            if (!"undecided".equals(now.status())) {
                throw ApiException.conflict("clr_appy_evt_id", "clr_appy_evt_id: application " + id + " is " + now.status()
                        + "; only an undecided application is accepted or rejected");
            }
            int year = now.enddate().getYear();
            if ("accepted".equals(decision) && now.begndate().getYear() != year) {
                throw ApiException.conflict("clr_appy_evt_id", "clr_appy_evt_id: application " + id + " runs from "
                        + now.begndate() + " to " + now.enddate() + ", across two budget years; reject it and let the"
                        + " institution apply for each year");
            }
            Integer closed = jdbc.queryForObject("SELECT COUNT(*) FROM institution_year_end WHERE admdvs = ?"
                    + " AND institution_code = ? AND budget_year = ?", Integer.class, admdvs, now.institutionCode(), year);
            if ("accepted".equals(decision) && closed > 0) {
                throw ApiException.conflict("clr_appy_evt_id", "clr_appy_evt_id: " + now.institutionCode() + "'s year " + year
                        + " is settled against its budget already; the application cannot be accepted into it");
            }
            jdbc.update("INSERT INTO clearing_decision (clr_appy_evt_id, admdvs, decision, reason, budget_year, decided_by,"
                    + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, admdvs, decision, reason, year, by,
                    Timestamp.from(clock.instant()));
            return find(admdvs, id);
        });
    }

    /** One application; 404 when it is not the region's. */
    public Application find(String admdvs, String id) {
        List<Application> found = query(" AND c.clr_appy_evt_id = ?", List.of(admdvs, id), "", List.of());
        if (found.isEmpty()) {
            throw ApiException.notFound("clr_appy_evt_id", "clr_appy_evt_id: no clearing application " + id + " in region " + admdvs);
        }
        return found.get(0);
    }

    /**
     * The region's applications, newest period first, filtered by status and institution (either may be null), a page
     * of {@code size} (1 to 100). Refused: an unknown status (400 status), a bad page or size (400).
     */
    public Page list(String admdvs, String status, String institution, Integer page, Integer size) {
        regions.require(admdvs);
        int p = page == null ? 0 : page, n = size == null ? 20 : size;
        if (p < 0) throw ApiException.badRequest("page", "page: 0 or more, got " + p);
        if (n < 1 || n > 100) throw ApiException.badRequest("size", "size: 1 to 100, got " + n);
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status: one of " + String.join(", ", STATUSES) + ", got '" + status + "'");
        }
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(admdvs));
        if (institution != null && !institution.isBlank()) {
            where.append(" AND c.fixmedins_code = ?");
            args.add(institution.strip());
        }
        String outer = status == null || status.isBlank() ? "" : " WHERE x.status = ?";
        List<Object> outerArgs = outer.isEmpty() ? List.of() : List.of(status);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM (" + inner(where.toString()) + ") x" + outer, Long.class,
                concat(args, outerArgs).toArray());
        List<Application> rows = query(where.toString(), args, outer + " ORDER BY x.enddate DESC, x.clr_appy_evt_id"
                + " LIMIT " + n + " OFFSET " + ((long) p * n), outerArgs);
        return new Page(admdvs, p, n, total, rows);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String inner(String where) {
        return "SELECT c.clr_appy_evt_id, c.fixmedins_code, i.name, c.clr_type, c.begndate, c.enddate, c.medfee_sumamt,"
                + " c.fund_pay_sumamt, c.acct_pay, c.setl_cnt,"
                + " (SELECT COUNT(*) FROM clearing_settlement cs WHERE cs.clr_appy_evt_id = c.clr_appy_evt_id) AS covered,"
                + " CASE WHEN c.status = 'cancelled' THEN 'cancelled' WHEN d.decision IS NULL THEN 'undecided'"
                + " WHEN d.decision = 'rejected' THEN 'rejected'"
                + " WHEN EXISTS (SELECT 1 FROM payment_run_line l WHERE l.clr_appy_evt_id = c.clr_appy_evt_id) THEN 'paid'"
                + " ELSE 'accepted' END AS status, d.reason, d.decided_by,"
                + " (SELECT MIN(l.run_id) FROM payment_run_line l WHERE l.clr_appy_evt_id = c.clr_appy_evt_id) AS run_id"
                + " FROM fsi_clearing c JOIN institution i ON i.code = c.fixmedins_code"
                + " LEFT JOIN clearing_decision d ON d.clr_appy_evt_id = c.clr_appy_evt_id WHERE i.admdvs = ?" + where;
    }

    private List<Application> query(String where, List<Object> args, String outer, List<Object> outerArgs) {
        return jdbc.query("SELECT * FROM (" + inner(where) + ") x" + outer, (rs, i) -> new Application(
                rs.getString("clr_appy_evt_id"), rs.getString("fixmedins_code"), rs.getString("name"), rs.getString("clr_type"),
                rs.getObject("begndate", LocalDate.class), rs.getObject("enddate", LocalDate.class),
                Money.yuan(rs.getLong("medfee_sumamt")), Money.yuan(rs.getLong("fund_pay_sumamt")),
                Money.yuan(rs.getLong("acct_pay")), rs.getInt("setl_cnt"), rs.getInt("covered"), rs.getString("status"),
                rs.getString("reason"), rs.getString("decided_by"), rs.getString("run_id")), concat(args, outerArgs).toArray());
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
