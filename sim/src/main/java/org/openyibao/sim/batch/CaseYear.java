package org.openyibao.sim.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.openyibao.engine.casepay.DipHospitalFinal;
import org.openyibao.engine.casepay.DipHospitalYear;
import org.openyibao.engine.casepay.DipPool;
import org.openyibao.engine.casepay.DipYearEnd;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Scheme;

/**
 * The year-end of the inpatient cases under the run's method (docs/sim.md#case-payment), each hospital and scheme:
 * <pre>
 * fee-for-service  income = the cases' cost;               fund due = what the fund paid as settled
 * DRG              income = Σ the cases' DRG payments;     fund due = income − the patients' share
 * DIP              income = points × point value + the cases paid by fee;  fund due = income − the patients' share
 * </pre>
 * DIP's budget is, per scheme, what the fund paid as settled on the cases scored in points (the same money shared by
 * points instead of by fee), so the DIP dues sum to the fund's fee-for-service payments exactly. The balance is the
 * fund's due less what it advanced (its payments as the cases were settled).
 */
public record CaseYear(PaymentMethod method, List<String> versions, List<Row> rows, List<DipPool> pools) {

    /** One hospital under one scheme. */
    public record Row(String institution, String level, String scheme, long cases, long grouped, long outliers,
                      long feeCases, long days, long weightPpm, long costFen, long fundFfsFen, long patientShareFen,
                      long pointsPpm, long incomeFen, long fundDueFen) {
        public long balanceFen() {
            return fundDueFen - fundFfsFen;
        }
    }

    public static CaseYear of(PaymentMethod method, CaseSums sums, CasePaymentRules rules) {
        Map<CaseSums.Key, long[]> rows = sums.rows();
        DipYearEnd dip = method == PaymentMethod.DIP ? dip(rows, rules) : null;
        List<Row> out = new ArrayList<>();
        rows.forEach((k, a) -> {
            long income = switch (method) {
                case FEE_FOR_SERVICE -> a[CaseSums.COST];
                case DRG -> a[CaseSums.PAYMENT];
                case DIP -> {
                    DipHospitalFinal f = dip.of(k.institution(), Scheme.of(k.scheme()));
                    yield a[CaseSums.PAYMENT] + (f == null ? 0 : f.finalFen());
                }
            };
            long due = method == PaymentMethod.FEE_FOR_SERVICE ? a[CaseSums.FUND] : income - a[CaseSums.PATIENT];
            out.add(new Row(k.institution(), sums.level(k.institution()), k.scheme(), a[CaseSums.CASES],
                    a[CaseSums.GROUPED], a[CaseSums.OUTLIERS], a[CaseSums.FEE_CASES], a[CaseSums.DAYS],
                    a[CaseSums.WEIGHT], a[CaseSums.COST], a[CaseSums.FUND], a[CaseSums.PATIENT], a[CaseSums.POINTS],
                    income, due));
        });
        return new CaseYear(method, sums.versions(), out, dip == null ? List.of() : dip.pools());
    }

    private static DipYearEnd dip(Map<CaseSums.Key, long[]> rows, CasePaymentRules rules) {
        List<DipHospitalYear> hospitals = new ArrayList<>();
        Map<Scheme, Long> budget = new EnumMap<>(Scheme.class);
        rows.forEach((k, a) -> {
            if (a[CaseSums.POINTS] == 0) return;
            Scheme s = Scheme.of(k.scheme());
            hospitals.add(new DipHospitalYear(k.institution(), s, a[CaseSums.POINTS], a[CaseSums.POINT_PATIENT],
                    a[CaseSums.POINT_FUND]));
            budget.merge(s, a[CaseSums.POINT_FUND], Long::sum);
        });
        if (hospitals.isEmpty()) return new DipYearEnd(List.of(), List.of());
        return DipYearEnd.of(hospitals, budget, rules);
    }

    /** The sum of a column over the rows. */
    public long total(ToLongFunction<Row> f) {
        return rows.stream().mapToLong(f).sum();
    }

    /** run.json's "payment" and the head of case_payment.json: the method, versions, totals and DIP point values. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.key);
        m.put("versions", versions);
        long cases = total(Row::cases), grouped = total(Row::grouped), weight = total(Row::weightPpm);
        m.put("cases", cases);
        m.put("grouped", grouped);
        m.put("not_grouped", method == PaymentMethod.FEE_FOR_SERVICE ? 0 : cases - grouped);
        m.put("outliers", total(Row::outliers));
        m.put("paid_by_fee", method == PaymentMethod.FEE_FOR_SERVICE ? cases : total(Row::feeCases));
        m.put("cmi_ppm", grouped == 0 ? 0 : Math.round((double) weight / grouped));
        m.put("cost_fen", total(Row::costFen));
        m.put("patient_share_fen", total(Row::patientShareFen));
        m.put("fund_fee_for_service_fen", total(Row::fundFfsFen));
        m.put("hospital_income_fen", total(Row::incomeFen));
        m.put("fund_due_fen", total(Row::fundDueFen));
        List<Map<String, Object>> p = new ArrayList<>();
        for (DipPool pool : pools) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("scheme", pool.scheme() == null ? null : pool.scheme().key);
            x.put("budget_fen", pool.budgetFen());
            x.put("patient_share_fen", pool.patientShareFen());
            x.put("points_ppm", pool.pointsPpm());
            x.put("point_value_yuan", pool.pointValueYuan().toPlainString());
            p.add(x);
        }
        if (method == PaymentMethod.DIP) m.put("dip_pools", p);
        return m;
    }

    /** case_payment.json: the summary, then each hospital and scheme. */
    public Map<String, Object> json() {
        Map<String, Object> m = summary();
        List<Map<String, Object>> hs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("institution", r.institution());
            x.put("level", r.level());
            x.put("scheme", r.scheme());
            x.put("cases", r.cases());
            x.put("grouped", r.grouped());
            x.put("outliers", r.outliers());
            x.put("paid_by_fee", r.feeCases());
            x.put("days", r.days());
            x.put("weight_ppm", r.weightPpm());
            x.put("points_ppm", r.pointsPpm());
            x.put("cost_fen", r.costFen());
            x.put("patient_share_fen", r.patientShareFen());
            x.put("fund_fee_for_service_fen", r.fundFfsFen());
            x.put("income_fen", r.incomeFen());
            x.put("fund_due_fen", r.fundDueFen());
            x.put("balance_fen", r.balanceFen());
            hs.add(x);
        }
        m.put("hospitals", hs);
        return m;
    }
}
