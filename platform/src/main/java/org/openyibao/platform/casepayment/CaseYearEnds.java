package org.openyibao.platform.casepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.CasePaymentStep;
import org.openyibao.engine.casepay.DipHospitalFinal;
import org.openyibao.engine.casepay.DipHospitalYear;
import org.openyibao.engine.casepay.DipPool;
import org.openyibao.engine.casepay.DipYearEnd;
import org.openyibao.engine.casepay.DrgYearEnd;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.web.ApiException;

/**
 * The DRG/DIP year-end per hospital as it would be (docs/hospital-payment.md#case-year-end-preview), from the year's
 * settled cases, by the engine's {@link DrgYearEnd} and {@link DipYearEnd}: the final (the cases' payments, or points ×
 * the point value of the year's DIP budget), less the patients' share, less what the payment runs advanced for those
 * cases ({@link CaseAdvances}). A preview: nothing is posted. A case stored before its scheme was (V162) counts as a
 * resident's.
 */
@Service
public class CaseYearEnds {
    private final JdbcTemplate jdbc;
    private final HospitalRegions regions;

    public CaseYearEnds(JdbcTemplate jdbc, HospitalRegions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Drg(String institutionCode, int cases, BigDecimal finalAmount, BigDecimal patientShare, BigDecimal fundDue,
                      BigDecimal advanced, BigDecimal balance, int pendingReviews, String explanation) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pool(String scheme, BigDecimal budget, BigDecimal patientShare, BigDecimal distributable, BigDecimal points,
                       BigDecimal pointValue) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Dip(String institutionCode, String scheme, BigDecimal points, BigDecimal finalAmount, BigDecimal patientShare,
                      BigDecimal fundDue, BigDecimal advanced, BigDecimal balance) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Preview(String admdvs, int year, List<Drg> drg, List<Pool> pools, List<Dip> dip, List<String> steps) {}

    private record Row(String institution, Method method, Scheme scheme, CasePayment payment, long patientShare, long advanced) {}

    /** The year's preview; {@code dipBudget} by scheme in fen (needed when the year has DIP-scored cases). */
    public Preview preview(String admdvs, int year, Map<Scheme, Long> dipBudget) {
        regions.require(admdvs);
        List<Row> rows = rows(admdvs, year);
        Map<String, List<CasePayment>> drgPayments = new TreeMap<>();
        Map<String, long[]> drgTotals = new TreeMap<>(); // patients' share, advanced
        Map<String, long[]> dip = new TreeMap<>();        // hospital|scheme → points, patients' share, advanced
        for (Row r : rows) {
            if (r.payment.kind().byFee()) {
                // a case paid by fee (emergency, no group) was paid in full each month and is settled apart: neither its
                // payment nor its patients' share nor its advance belongs to the case year-end (DrgYearEnd leaves it out)
                continue;
            }
            if (r.method == Method.DRG) {
                drgPayments.computeIfAbsent(r.institution, k -> new ArrayList<>()).add(r.payment);
                long[] t = drgTotals.computeIfAbsent(r.institution, k -> new long[2]);
                t[0] += r.patientShare;
                t[1] += r.advanced;
            } else if (r.payment.pointsPpm() > 0) {
                long[] t = dip.computeIfAbsent(r.institution + "|" + r.scheme.key, k -> new long[3]);
                t[0] += r.payment.pointsPpm();
                t[1] += r.patientShare;
                t[2] += r.advanced;
            }
        }
        List<Drg> drg = new ArrayList<>();
        drgPayments.forEach((h, payments) -> {
            long[] t = drgTotals.get(h);
            DrgYearEnd e = DrgYearEnd.of(h, payments, t[0], t[1]);
            drg.add(new Drg(h, e.cases(), Money.yuan(e.finalFen()), Money.yuan(e.patientShareFen()), Money.yuan(e.fundDueFen()),
                    Money.yuan(e.advancedFen()), Money.yuan(e.balanceFen()), e.pendingReviews(), e.step().explanation()));
        });
        List<Pool> pools = new ArrayList<>();
        List<Dip> dips = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        if (!dip.isEmpty()) {
            List<DipHospitalYear> years = new ArrayList<>();
            dip.forEach((k, t) -> years.add(new DipHospitalYear(k.substring(0, k.indexOf('|')),
                    Scheme.of(k.substring(k.indexOf('|') + 1)), t[0], t[1], t[2])));
            DipYearEnd e = DipYearEnd.of(years, dipBudget, rules(admdvs, year));
            for (DipPool p : e.pools()) {
                pools.add(new Pool(p.scheme() == null ? null : p.scheme().key, Money.yuan(p.budgetFen()), Money.yuan(p.patientShareFen()),
                        Money.yuan(p.distributableFen()), points(p.pointsPpm()), p.pointValueYuan()));
                for (DipHospitalFinal f : p.hospitals()) {
                    dips.add(new Dip(f.hospital(), f.scheme().key, points(f.pointsPpm()),
                            Money.yuan(f.finalFen()), Money.yuan(f.patientShareFen()), Money.yuan(f.fundDueFen()),
                            Money.yuan(f.advancedFen()), Money.yuan(f.balanceFen())));
                }
            }
            for (CasePaymentStep s : e.steps()) steps.add(s.rule() + ": " + s.explanation());
        }
        return new Preview(admdvs, year, drg, pools, dips, steps);
    }

    /** The region's case payment rules at the end of the year (the separate point values). */
    private CasePaymentRules rules(String admdvs, int year) {
        CasePaymentRules r = CasePaymentRules.of(regions.pack(admdvs), LocalDate.of(year, 12, 31));
        if (r == null) throw ApiException.conflict("admdvs", "admdvs: region " + admdvs + " has no case payment rules");
        return r;
    }

    private List<Row> rows(String admdvs, int year) {
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> c : jdbc.queryForList("SELECT * FROM discharged_case WHERE admdvs = ? AND status = 'settled'"
                + " AND method IS NOT NULL AND payment_kind IS NOT NULL AND settled_on >= ? AND settled_on <= ?"
                + " ORDER BY institution_code, mdtrt_id", admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            long cost = ((Number) c.get("cost_fen")).longValue(), fund = ((Number) c.get("fund_paid_fen")).longValue();
            // advanced: what the payment runs paid for the case (CaseAdvances), 0 before a run paid it
            long advanced = c.get("advanced_fen") == null ? 0 : ((Number) c.get("advanced_fen")).longValue();
            String scheme = (String) c.get("scheme");
            out.add(new Row((String) c.get("institution_code"), Method.of((String) c.get("method")),
                    scheme == null ? Scheme.RESIDENT : Scheme.of(scheme), CaseAdvances.payment(c), Math.max(0, cost - fund), advanced));
        }
        return out;
    }

    /** Points in millionths as a plain decimal (260, 63.6), never in exponent form. */
    static BigDecimal points(long ppm) {
        BigDecimal d = BigDecimal.valueOf(ppm, 6).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** A DIP budget typed as yuan, or null when not given; refused naming {@code field}. */
    public static Long budgetFen(String field, BigDecimal yuan) {
        if (yuan == null) return null;
        // at most 12 whole digits, as the console's amounts: a larger figure would not fit in fen and is no budget
        if (yuan.signum() < 0 || yuan.scale() > 2 || yuan.precision() - yuan.scale() > 12) {
            throw ApiException.badRequest(field, field + ": an amount in yuan, 0 or more, at most 12 digits and 2 decimals");
        }
        return Money.fen(yuan);
    }

    /** The DIP budgets by scheme, the ones given. */
    public static Map<Scheme, Long> budgets(Long employee, Long resident) {
        Map<Scheme, Long> m = new EnumMap<>(Scheme.class);
        if (employee != null) m.put(Scheme.EMPLOYEE, employee);
        if (resident != null) m.put(Scheme.RESIDENT, resident);
        return m;
    }
}
