package org.openyibao.platform.casepayment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.casepay.CaseFigures;
import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.HospitalIndicators;
import org.openyibao.engine.casepay.RegionAverages;
import org.openyibao.platform.hospital.HospitalRegions;

/**
 * Hospital indicators of case-based payment per month and year (docs/hospital-payment.md#case-based-payment-on-the-platform)
 * from the region's settled cases paid by case, computed by the engine's {@link HospitalIndicators} (docs/case-payment.md#indicators):
 * CMI, cost and time efficiency against the region's year, share of outliers. The region's yardstick is the whole
 * year's cases, for the months as for the year (DECISION, docs/decisions.md#case-capture).
 */
@Service
public class CaseIndicators {
    private final JdbcTemplate jdbc;
    private final HospitalRegions regions;

    public CaseIndicators(JdbcTemplate jdbc, HospitalRegions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** One hospital's indicators for a period ({@code YYYY} or {@code YYYY-MM}), ratios in millionths. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Indicators(String institutionCode, String period, int cases, int groupedCases, long cmiPpm,
                             long costEfficiencyPpm, long timeEfficiencyPpm, long outlierSharePpm) {}

    private record Row(String month, CaseFigures figures) {}

    /** The year's indicators per hospital, the year first, then its months; of one hospital when given. */
    public List<Indicators> year(String admdvs, int year, String institution) {
        regions.require(admdvs);
        List<Row> rows = jdbc.query("SELECT institution_code, settled_on, method, outcome, weight_ppm, score_ppm, cost_fen,"
                        + " length_of_stay, payment_kind FROM discharged_case WHERE admdvs = ? AND status = 'settled'"
                        + " AND method IS NOT NULL AND settled_on >= ? AND settled_on <= ?",
                (rs, i) -> {
                    boolean grouped = "grouped".equals(rs.getString("outcome"));
                    long weight = !grouped ? 0 : "dip".equals(rs.getString("method")) ? rs.getLong("score_ppm") : rs.getLong("weight_ppm");
                    String kind = rs.getString("payment_kind");
                    boolean outlier = java.util.Arrays.stream(CasePayment.Kind.values())
                            .anyMatch(k -> k.outlier() && k.name().toLowerCase(Locale.ROOT).equals(kind)); // by_fee is none
                    return new Row(rs.getDate("settled_on").toLocalDate().toString().substring(0, 7), new CaseFigures(
                            rs.getString("institution_code"), grouped, weight, rs.getLong("cost_fen"), rs.getInt("length_of_stay"), outlier));
                }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        RegionAverages region = RegionAverages.of(rows.stream().map(Row::figures).toList());
        Map<String, Map<String, List<CaseFigures>>> byInstitution = new TreeMap<>();
        for (Row r : rows) {
            if (institution != null && !institution.equals(r.figures().hospital())) continue;
            Map<String, List<CaseFigures>> periods = byInstitution.computeIfAbsent(r.figures().hospital(), k -> new TreeMap<>());
            periods.computeIfAbsent(String.valueOf(year), k -> new ArrayList<>()).add(r.figures());
            periods.computeIfAbsent(r.month(), k -> new ArrayList<>()).add(r.figures());
        }
        List<Indicators> out = new ArrayList<>();
        byInstitution.forEach((code, periods) -> periods.forEach((period, list) -> {
            HospitalIndicators h = HospitalIndicators.of(code, list, region);
            out.add(new Indicators(code, period, h.cases(), h.groupedCases(), h.cmiPpm(), h.costEfficiencyPpm(),
                    h.timeEfficiencyPpm(), h.outlierSharePpm()));
        }));
        return out;
    }
}
