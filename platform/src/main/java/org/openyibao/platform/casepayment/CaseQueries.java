package org.openyibao.platform.casepayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.web.ApiException;

/**
 * The region's discharged cases as the agency and a hospital read them (docs/hospital-payment.md#case-based-payment-on-the-platform):
 * filtered by institution, group and month of settlement, a page at a time; one case with its grouping and payment
 * explained step by step, and its events. A hospital's reads are limited to its own cases by the caller.
 */
@Service
public class CaseQueries {
    private final JdbcTemplate jdbc;
    private final HospitalRegions regions;
    private final CaseEvents events;

    public CaseQueries(JdbcTemplate jdbc, HospitalRegions regions, CaseEvents events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Case(String mdtrtId, String institutionCode, String status, String principalDiagnosis,
                       List<String> secondaryDiagnoses, List<String> procedures, String dscgWay, int ageYears, int lengthOfStay,
                       LocalDate dischargedOn, LocalDate settledOn, Long costFen, Long fundPaidFen, boolean emergency,
                       String method, String tableVersion, String outcome, String mdc, String adrg, String groupCode,
                       String groupName, Long weightPpm, Long scorePpm, Long averageCostFen, String groupReason,
                       String paymentKind, Long paymentFen, Long pointsPpm, String reviewStatus, Long reviewedFen) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Step(String step, String chose, String because) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Event(String event, Long amountFen, String reason, String actor, String at) {}

    /** One case explained: its grouping steps, its payment steps, what happened to it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Explained(Case details, List<Step> grouping, List<Map<String, String>> payment, List<Event> events) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page(String admdvs, int page, int size, long total, List<Case> cases) {}

    /** Filters of a case list; null or blank: any. {@code month} is YYYY-MM of the settlement. */
    public record Filter(String institution, String group, String month, String review) {}

    public Page list(String admdvs, Filter f, Integer page, Integer size) {
        regions.require(admdvs);
        int p = page == null ? 0 : page, n = size == null ? 20 : size;
        if (p < 0) throw ApiException.badRequest("page", "page: 0 or more, got " + p);
        if (n < 1 || n > 100) throw ApiException.badRequest("size", "size: 1 to 100, got " + n);
        StringBuilder where = new StringBuilder(" WHERE admdvs = ? AND status <> 'withdrawn'");
        List<Object> args = new ArrayList<>(List.of(admdvs));
        if (present(f.institution())) {
            where.append(" AND institution_code = ?");
            args.add(f.institution().strip());
        }
        if (present(f.group())) {
            where.append(" AND group_code = ?");
            args.add(f.group().strip());
        }
        if (present(f.month())) {
            YearMonth m = month(f.month());
            where.append(" AND settled_on >= ? AND settled_on <= ?");
            args.add(m.atDay(1));
            args.add(m.atEndOfMonth());
        }
        if (present(f.review())) {
            if (!List.of("pending", "approved", "rejected").contains(f.review())) {
                throw ApiException.badRequest("review", "review: pending, approved or rejected, got '" + f.review() + "'");
            }
            where.append(" AND review_status = ?");
            args.add(f.review());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM discharged_case" + where, Long.class, args.toArray());
        List<Case> rows = jdbc.queryForList("SELECT * FROM discharged_case" + where + " ORDER BY discharged_on DESC, mdtrt_id"
                + " LIMIT " + n + " OFFSET " + ((long) p * n), args.toArray()).stream().map(CaseQueries::row).toList();
        return new Page(admdvs, p, n, total, rows);
    }

    /** One case of the region (of the institution, when given), explained; not found when it is another's. */
    public Explained find(String admdvs, String mdtrtId, String institution) {
        regions.require(admdvs);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM discharged_case WHERE admdvs = ? AND mdtrt_id = ?",
                admdvs, mdtrtId);
        if (rows.isEmpty() || (institution != null && !institution.equals(rows.get(0).get("institution_code")))) {
            throw ApiException.notFound("mdtrt_id", "mdtrt_id: no case " + mdtrtId + " in region " + admdvs);
        }
        Map<String, Object> r = rows.get(0);
        List<Step> grouping = read((String) r.get("group_trace"), new TypeReference<List<Step>>() {});
        List<Map<String, String>> payment = read((String) r.get("payment_trace"), new TypeReference<List<Map<String, String>>>() {});
        List<Event> ev = events.of(mdtrtId).stream().map(e -> new Event((String) e.get("event_kind"),
                e.get("amount_fen") == null ? null : ((Number) e.get("amount_fen")).longValue(), (String) e.get("reason"),
                (String) e.get("actor"), String.valueOf(e.get("occurred_at")))).toList();
        return new Explained(row(r), grouping, payment, ev);
    }

    static Case row(Map<String, Object> r) {
        return new Case((String) r.get("mdtrt_id"), (String) r.get("institution_code"), (String) r.get("status"),
                (String) r.get("principal_diagnosis"), CaseSettlement.split((String) r.get("secondary_diagnoses")),
                CaseSettlement.split((String) r.get("procedures")), (String) r.get("dscg_way"), num(r, "age_years").intValue(),
                num(r, "length_of_stay").intValue(), date(r, "discharged_on"), date(r, "settled_on"), num(r, "cost_fen"),
                num(r, "fund_paid_fen"), Boolean.TRUE.equals(r.get("emergency")), (String) r.get("method"),
                (String) r.get("table_version"), (String) r.get("outcome"), (String) r.get("mdc"), (String) r.get("adrg"),
                (String) r.get("group_code"), (String) r.get("group_name"), num(r, "weight_ppm"), num(r, "score_ppm"),
                num(r, "average_cost_fen"), (String) r.get("group_reason"), (String) r.get("payment_kind"),
                num(r, "payment_fen"), num(r, "points_ppm"), (String) r.get("review_status"), num(r, "reviewed_fen"));
    }

    private static Long num(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? null : ((Number) v).longValue();
    }

    private static LocalDate date(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? null : ((java.sql.Date) v).toLocalDate();
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null) return List.of();
        try {
            return CaseSettlement.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored trace is not JSON", e);
        }
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    static YearMonth month(String s) {
        try {
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("month", "month: YYYY-MM, got '" + s + "'");
        }
    }
}
