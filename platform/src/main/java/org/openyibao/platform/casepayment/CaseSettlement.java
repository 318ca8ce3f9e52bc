package org.openyibao.platform.casepayment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.CaseToPay;
import org.openyibao.engine.casepay.DipCaseScore;
import org.openyibao.engine.casepay.DrgCasePayment;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.enrolment.Coverage;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * Groups a settled case with the table version in force for its region and discharge date and pays it by the method
 * in force (docs/hospital-payment.md#case-based-payment-on-the-platform): the pack's {@link CasePaymentRules} say DRG,
 * DIP or fee for service; {@link DrgCasePayment} or {@link DipCaseScore} pay. A grouping or payment problem never fails
 * the patient's settlement: the case is stored as ungroupable with the problem as its reason and paid its cost by fee
 * (DECISION, docs/decisions.md#case-capture).
 */
@Service
public class CaseSettlement {
    private static final Logger LOG = LoggerFactory.getLogger(CaseSettlement.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final PolicyPacks packs;
    private final GroupingTablesInUse tables;
    private final EnrolmentService enrolments;
    private final CaseEvents events;

    public CaseSettlement(JdbcTemplate jdbc, PolicyPacks packs, GroupingTablesInUse tables, EnrolmentService enrolments,
                          CaseEvents events) {
        this.jdbc = jdbc;
        this.events = events;
        this.packs = packs;
        this.tables = tables;
        this.enrolments = enrolments;
    }

    /** A case's group and payment, as computed now from its stored row. */
    public record Priced(Method method, GroupResult group, CasePayment payment, String problem, Scheme scheme) {
        Priced(Method method, GroupResult group, CasePayment payment, String problem) {
            this(method, group, payment, problem, null);
        }
    }

    /** Groups and pays the settled case {@code mdtrtId} and stores the result; returns it. */
    public Priced groupAndPay(String mdtrtId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT c.*, r.policy_pack, i.level FROM discharged_case c"
                + " JOIN region r ON r.admdvs = c.admdvs JOIN institution i ON i.code = c.institution_code WHERE c.mdtrt_id = ?",
                mdtrtId);
        Priced p = price(row);
        store(mdtrtId, row, p);
        return p;
    }

    /** The group and payment of a stored case (pure apart from reading the pack and tables); never throws. */
    Priced price(Map<String, Object> row) {
        long cost = ((Number) row.get("cost_fen")).longValue();
        LocalDate discharged = ((Date) row.get("discharged_on")).toLocalDate();
        try {
            PolicyPack pack = packs.pack((String) row.get("policy_pack"));
            CasePaymentRules rules = CasePaymentRules.of(pack, discharged);
            if (rules == null || rules.feeForService()) return new Priced(null, null, null, null);
            Method method = rules.method();
            Optional<Grouper> grouper = tables.grouper((String) row.get("policy_pack"), method, discharged);
            if (grouper.isEmpty()) return new Priced(method, null, null, "no " + method.name() + " table version in force on " + discharged);
            GroupResult g = grouper.get().group(dischargedCase(row, cost));
            Scheme scheme = scheme(row, discharged);
            CaseToPay c = new CaseToPay((String) row.get("mdtrt_id"), g, cost, Level.of((String) row.get("level")),
                    ((Number) row.get("length_of_stay")).intValue(), DischargeType.of((String) row.get("dscg_way")),
                    Boolean.TRUE.equals(row.get("emergency")), scheme);
            CasePayment pay = method == Method.DRG ? DrgCasePayment.of(c, rules) : DipCaseScore.of(c, rules);
            return new Priced(method, g, pay, null, scheme);
        } catch (RuntimeException e) {
            // the patient's settlement stands whatever the grouping makes of the case
            // a named refusal's message names the field (shown to the agency); anything else is our fault, logged
            // here and shown as a plain reason, never with its class name or internals
            boolean named = e instanceof DomainException;
            if (named) LOG.warn("case {} could not be grouped or paid by case: {}", row.get("mdtrt_id"), e.getMessage());
            else LOG.error("case {} could not be grouped or paid by case", row.get("mdtrt_id"), e);
            return new Priced(null, null, null, named ? e.getMessage() : "grouping failed (an error of the platform, logged)");
        }
    }

    static DischargedCase dischargedCase(Map<String, Object> row, long cost) {
        String principal = (String) row.get("principal_diagnosis");
        return new DischargedCase((String) row.get("mdtrt_id"), principal == null ? "" : principal,
                split((String) row.get("secondary_diagnoses")), split((String) row.get("procedures")),
                ((Number) row.get("age_years")).intValue(), ((Number) row.get("age_days")).intValue(),
                Sex.of(String.valueOf(row.get("sex")).trim()), ((Number) row.get("length_of_stay")).intValue(),
                DischargeType.of((String) row.get("dscg_way")), ((Number) row.get("birth_weight_grams")).intValue(), cost);
    }

    private Scheme scheme(Map<String, Object> row, LocalDate day) {
        return enrolments.coverageOn(((Number) row.get("person_id")).longValue(), day).map(Coverage::scheme).orElse(Scheme.RESIDENT);
    }

    static List<String> split(String list) {
        if (list == null || list.isBlank()) return List.of();
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private void store(String mdtrtId, Map<String, Object> row, Priced p) {
        long cost = ((Number) row.get("cost_fen")).longValue();
        GroupResult g = p.group();
        CasePayment pay = p.payment();
        String kind;
        long paymentFen;
        Long points = null;
        if (pay != null) {
            kind = pay.kind().name().toLowerCase();
            paymentFen = pay.paymentFen();
            points = p.method() == Method.DIP ? pay.pointsPpm() : null;
        } else {
            kind = p.problem() == null ? "fee_for_service" : "by_fee"; // no case-based method, or a problem: by fee
            paymentFen = cost;
        }
        String outcome = g != null ? g.outcome().name().toLowerCase() : p.problem() != null ? "ungroupable" : null;
        String reason = g != null ? g.reason() : p.problem();
        jdbc.update("UPDATE discharged_case SET method = ?, table_version = ?, outcome = ?, mdc = ?, adrg = ?, group_code = ?,"
                        + " group_name = ?, weight_ppm = ?, score_ppm = ?, average_cost_fen = ?, group_reason = ?, group_trace = ?,"
                        + " payment_kind = ?, payment_fen = ?, points_ppm = ?, payment_trace = ?, review_status = ?, reviewed_fen = NULL,"
                        + " scheme = ? WHERE mdtrt_id = ?",
                // cut to the columns' widths: a long code in a loaded national table must not fail the settlement
                p.method() == null ? null : p.method().key, g == null ? null : truncate(g.version(), 60), outcome,
                g == null ? null : truncate(g.mdc(), 20), g == null ? null : truncate(g.adrg(), 20),
                g == null ? null : truncate(g.code(), 100), g == null ? null : truncate(g.name(), 200),
                g == null ? null : g.weightPpm(), g == null ? null : g.scorePpm(), g == null ? null : g.averageCostFen(),
                truncate(reason, 200), g == null ? null : json(g.trace()), kind, paymentFen, points,
                pay == null ? null : json(steps(pay)), pay != null && pay.pendingReview() ? "pending" : null, p.scheme() == null ? null : p.scheme().key, mdtrtId);
        String admdvs = (String) row.get("admdvs");
        events.record(mdtrtId, admdvs, "grouped", paymentFen, truncate(summary(g, pay, p.problem()), 400),
                CaseEvents.PLATFORM);
        if (pay != null && pay.pendingReview()) {
            events.record(mdtrtId, admdvs, "sent_to_review", null, truncate(lastExplanation(pay), 400), CaseEvents.PLATFORM);
        }
    }

    static List<Map<String, String>> steps(CasePayment pay) {
        List<Map<String, String>> out = new ArrayList<>();
        pay.trace().forEach(s -> out.add(Map.of("rule", s.rule(), "explanation", s.explanation())));
        return out;
    }

    private static String summary(GroupResult g, CasePayment pay, String problem) {
        if (problem != null) return "paid by fee: " + problem;
        if (g == null) return "paid by fee for service";
        return (g.grouped() ? g.code() : g.outcome().name().toLowerCase() + " (" + g.reason() + ")")
                + (pay == null ? "" : ", " + pay.kind().name().toLowerCase());
    }

    static String lastExplanation(CasePayment pay) {
        return pay.trace().isEmpty() ? pay.kind().name() : pay.trace().get(pay.trace().size() - 1).explanation();
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
