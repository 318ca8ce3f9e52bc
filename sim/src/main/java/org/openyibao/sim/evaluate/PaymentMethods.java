package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Paying hospitals by fee, DRG or DIP compared across runs of one population (docs/sim.md#case-payment): each run's
 * hospital income and fund cost for the inpatient cases, its case-mix index, and each hospital's income against the
 * reference run's (the first paid by fee for each service, else the first with paid cases): the winners gain more
 * than {@link #THRESHOLD_PPM} of their reference income, the losers lose more.
 */
public record PaymentMethods(String reference, List<Run> runs, List<Hospital> hospitals) {
    /** DECISION (docs/decisions.md#sim-case-payment): a hospital wins or loses when its income moves by more than 5%. */
    public static final long THRESHOLD_PPM = 50_000;

    public record Run(String label, String method, List<String> versions, long cases, long costFen, long incomeFen,
                      long fundDueFen, long cmiPpm, int winners, int losers) {}

    /** One hospital's cases and cost, and its income and the fund's due in each run (the runs' order). */
    public record Hospital(String institution, String level, long cases, long costFen, List<Long> incomeFen,
                           List<Long> fundDueFen) {}

    /**
     * The comparison of the runs that recorded their cases' payment, or null when fewer than two methods are among
     * them (a reform's runs, all paid by fee, have nothing to compare here).
     */
    public static PaymentMethods of(List<String> labels, List<RunInput> inputs) {
        List<Integer> paid = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) if (inputs.get(k).payment() != null) paid.add(k);
        if (paid.stream().map(k -> inputs.get(k).payment().method()).distinct().count() < 2) return null;
        int ref = paid.stream().filter(k -> inputs.get(k).payment().method().equals("fee-for-service")).findFirst()
                .orElse(paid.get(0));
        Map<String, Hospital> byCode = new TreeMap<>();
        Map<String, PaymentRun.Hospital[]> rows = new TreeMap<>();
        for (int i = 0; i < paid.size(); i++) {
            for (PaymentRun.Hospital h : inputs.get(paid.get(i)).payment().hospitals()) {
                rows.computeIfAbsent(h.institution(), c -> new PaymentRun.Hospital[paid.size()])[i] = h;
            }
        }
        int refIndex = paid.indexOf(ref);
        int[] winners = new int[paid.size()], losers = new int[paid.size()];
        rows.forEach((code, hs) -> {
            PaymentRun.Hospital any = hs[refIndex] != null ? hs[refIndex] : first(hs);
            List<Long> income = new ArrayList<>(), due = new ArrayList<>();
            for (PaymentRun.Hospital h : hs) {
                income.add(h == null ? 0 : h.incomeFen());
                due.add(h == null ? 0 : h.fundDueFen());
            }
            long base = income.get(refIndex);
            for (int i = 0; i < hs.length; i++) {
                long change = income.get(i) - base;
                if (base > 0 && change * 1_000_000 > THRESHOLD_PPM * base) winners[i]++;
                if (base > 0 && -change * 1_000_000 > THRESHOLD_PPM * base) losers[i]++;
            }
            byCode.put(code, new Hospital(code, any.level(), any.cases(), any.costFen(), income, due));
        });
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < paid.size(); i++) {
            PaymentRun p = inputs.get(paid.get(i)).payment();
            out.add(new Run(labels.get(paid.get(i)), p.method(), p.versions(), p.cases(), p.costFen(), p.incomeFen(),
                    p.fundDueFen(), p.cmiPpm(), winners[i], losers[i]));
        }
        return new PaymentMethods(labels.get(ref), out, new ArrayList<>(byCode.values()));
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static PaymentRun.Hospital first(PaymentRun.Hospital[] hs) {
        for (PaymentRun.Hospital h : hs) if (h != null) return h;
        throw new IllegalStateException("a hospital with no row");
    }

    /** The reference run's position in {@link #runs}. */
    public int referenceIndex() {
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).label().equals(reference)) return i;
        return 0;
    }

    /** Each run's hospital income ÷ the cases' cost by institution level, in millionths: who the method favours. */
    public Map<String, List<Long>> incomeOverCostByLevel() {
        Map<String, long[]> cost = new LinkedHashMap<>();
        Map<String, long[]> income = new LinkedHashMap<>();
        for (Hospital h : hospitals) {
            String level = h.level() == null ? "?" : h.level();
            cost.computeIfAbsent(level, l -> new long[1])[0] += h.costFen();
            long[] in = income.computeIfAbsent(level, l -> new long[runs.size()]);
            for (int i = 0; i < runs.size(); i++) in[i] += h.incomeFen().get(i);
        }
        Map<String, List<Long>> out = new TreeMap<>();
        cost.forEach((l, c) -> {
            List<Long> x = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) x.add(c[0] == 0 ? 0 : Math.round(1e6 * income.get(l)[i] / c[0]));
            out.put(l, x);
        });
        return out;
    }

    /** payment-methods.csv: one line per run and hospital. */
    public String csv() {
        StringBuilder b = new StringBuilder("run,method,table_versions,institution_code,level,cases,cost_fen,income_fen,"
                + "fund_due_fen,income_change_fen,income_change_pct\n");
        int ref = referenceIndex();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            for (Hospital h : hospitals) {
                long base = h.incomeFen().get(ref), income = h.incomeFen().get(i);
                b.append(quote(r.label())).append(',').append(r.method()).append(',')
                        .append(String.join(" ", r.versions())).append(',').append(h.institution()).append(',')
                        .append(h.level() == null ? "" : h.level()).append(',').append(h.cases()).append(',')
                        .append(h.costFen()).append(',').append(income).append(',').append(h.fundDueFen().get(i)).append(',')
                        .append(income - base).append(',')
                        .append(base == 0 ? "" : String.format(Locale.ROOT, "%.2f", 100.0 * (income - base) / base)).append('\n');
            }
        }
        return b.toString();
    }
}
