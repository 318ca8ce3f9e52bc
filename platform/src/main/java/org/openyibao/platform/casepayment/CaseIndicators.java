package org.openyibao.platform.casepayment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.hospital.HospitalRegions;

/**
 * Hospital indicators of case-based payment per month and year (docs/hospital-payment.md#hospital-indicators), from the
 * region's settled, grouped cases: the case-mix index (CMI: the mean DRG weight; for DIP the mean score over the region's
 * mean score), the cost efficiency index (the hospital's costs over what the region's mean cost of the same groups would
 * be), the time efficiency index (the same with lengths of stay), and the share of outliers (high, low, special review).
 * The region's yardsticks are the year's (DECISION, docs/decisions.md#case-indicators). Ratios in millionths, half-up once.
 */
@Service
public class CaseIndicators {
    private static final BigDecimal PPM = BigDecimal.valueOf(1_000_000);

    private final JdbcTemplate jdbc;
    private final HospitalRegions regions;

    public CaseIndicators(JdbcTemplate jdbc, HospitalRegions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** One hospital's indicators for a period ({@code YYYY} or {@code YYYY-MM}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Indicators(String institutionCode, String period, int cases, long cmiPpm, long costEfficiencyPpm,
                             long timeEfficiencyPpm, long outlierSharePpm) {}

    private record Row(String institution, String month, String method, String group, long weight, long score, long cost,
                       int los, boolean outlier) {}

    /** The year's indicators per hospital, the year first, then its months; of one hospital when given. */
    public List<Indicators> year(String admdvs, int year, String institution) {
        regions.require(admdvs);
        List<Row> rows = jdbc.query("SELECT institution_code, settled_on, method, group_code, weight_ppm, score_ppm, cost_fen,"
                        + " length_of_stay, payment_kind FROM discharged_case WHERE admdvs = ? AND status = 'settled'"
                        + " AND outcome = 'grouped' AND settled_on >= ? AND settled_on <= ?",
                (rs, i) -> new Row(rs.getString(1), rs.getDate(2).toLocalDate().toString().substring(0, 7), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8),
                        List.of("high_outlier", "low_outlier", "special_review").contains(rs.getString(9))),
                admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Yardstick region = new Yardstick(rows);
        Map<String, Map<String, List<Row>>> byInstitution = new TreeMap<>();
        for (Row r : rows) {
            if (institution != null && !institution.equals(r.institution)) continue;
            Map<String, List<Row>> periods = byInstitution.computeIfAbsent(r.institution, k -> new TreeMap<>());
            periods.computeIfAbsent(String.valueOf(year), k -> new ArrayList<>()).add(r);
            periods.computeIfAbsent(r.month, k -> new ArrayList<>()).add(r);
        }
        List<Indicators> out = new ArrayList<>();
        byInstitution.forEach((code, periods) -> periods.forEach((period, list) -> out.add(of(code, period, list, region))));
        return out;
    }

    /** The region's means per group over the year: cost, length of stay, and the mean DIP score. */
    private static final class Yardstick {
        final Map<String, long[]> groups = new HashMap<>(); // group → {cases, Σ cost, Σ los}
        long scoreCases;
        long scoreSum;

        Yardstick(List<Row> rows) {
            for (Row r : rows) {
                long[] g = groups.computeIfAbsent(r.method + ":" + r.group, k -> new long[3]);
                g[0]++;
                g[1] += r.cost;
                g[2] += r.los;
                if ("dip".equals(r.method)) {
                    scoreCases++;
                    scoreSum += r.score;
                }
            }
        }
    }

    private static Indicators of(String code, String period, List<Row> rows, Yardstick region) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal weights = BigDecimal.ZERO, costs = BigDecimal.ZERO, expectedCost = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO, expectedDays = BigDecimal.ZERO;
        int outliers = 0;
        for (Row r : rows) {
            long[] g = region.groups.get(r.method + ":" + r.group);
            BigDecimal n = BigDecimal.valueOf(g[0]);
            // a DIP case's weight: its score over the region's mean score
            weights = weights.add("dip".equals(r.method)
                    ? ratio(BigDecimal.valueOf(r.score).multiply(BigDecimal.valueOf(region.scoreCases)), BigDecimal.valueOf(region.scoreSum))
                    .multiply(PPM) : BigDecimal.valueOf(r.weight));
            costs = costs.add(BigDecimal.valueOf(r.cost));
            expectedCost = expectedCost.add(BigDecimal.valueOf(g[1]).divide(n, mc));
            days = days.add(BigDecimal.valueOf(r.los));
            expectedDays = expectedDays.add(BigDecimal.valueOf(g[2]).divide(n, mc));
            if (r.outlier) outliers++;
        }
        int n = rows.size();
        return new Indicators(code, period, n, ppm(weights.divide(BigDecimal.valueOf(n), mc).divide(PPM, mc)),
                ppm(ratio(costs, expectedCost)), ppm(ratio(days, expectedDays)),
                ppm(BigDecimal.valueOf(outliers).divide(BigDecimal.valueOf(n), mc)));
    }

    /** a ÷ b, 0 when b is 0 (every case of the period cost nothing). */
    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? BigDecimal.ZERO : a.divide(b, MathContext.DECIMAL128);
    }

    private static long ppm(BigDecimal ratio) {
        return ratio.multiply(PPM).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
