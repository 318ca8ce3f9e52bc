package org.openyibao.sim.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.population.Institution;
import org.openyibao.sim.population.VisitRecord;

/**
 * The year's pooling-fund payments per designated institution, in fen, summed by one worker and merged at the end like
 * {@link FundSums} (docs/sim.md#hospital-budgets): for each institution code, the visits settled there, the payments
 * counted against its budget, month by month, and those of a declared emergency's cases. Sums only, so the result is
 * the same whatever the parts' order and the number of threads.
 *
 * <p>What the budget covers: the basic pooling fund's payments on the visits ({@link #pooling}: {@code hifp_pay}), as
 * the platform budgets them (docs/hospital-payment.md). Large-amount cover, the civil-servant subsidy, serious illness
 * (the insurer's), medical assistance and the emergency cover are paid by other funds and are not in it (DECISION,
 * docs/decisions.md#sim-hospital-budgets).
 */
public final class InstitutionSums {
    private static final int VISITS = 0, IN_BUDGET = 1, EMERGENCY = 2, MONTHS = 3;

    /** code → {visits, in budget, emergency, January … December}. */
    private final Map<String, long[]> byCode = new HashMap<>();
    /** The level a code was visited at, for a code the population's institutions do not list. */
    private final Map<String, String> levels = new HashMap<>();

    /** The basic pooling fund's payment on a settled visit: what the budget covers. */
    public static long pooling(Settlement s) {
        return s.hifpPay();
    }

    void settlement(VisitRecord v, Settlement s) {
        long[] a = byCode.computeIfAbsent(v.institutionCode(), c -> {
            levels.put(c, v.level().key);
            return new long[MONTHS + 12];
        });
        long paid = pooling(s);
        a[VISITS]++;
        if (v.emergencyCase() != null && v.emergencyCase() != EmergencyCase.NONE) {
            a[EMERGENCY] += paid;
        } else {
            a[IN_BUDGET] += paid;
            a[MONTHS + v.date().getMonthValue() - 1] += paid;
        }
    }

    /** Adds another worker's sums into these. */
    public synchronized void add(InstitutionSums o) {
        synchronized (o) {
            o.byCode.forEach((code, x) -> {
                long[] a = byCode.computeIfAbsent(code, c -> new long[MONTHS + 12]);
                for (int i = 0; i < a.length; i++) a[i] += x[i];
            });
            o.levels.forEach(levels::putIfAbsent);
        }
    }

    /** The sum of the payments counted against the budgets, over every institution. */
    public synchronized long inBudgetFen() {
        return byCode.values().stream().mapToLong(a -> a[IN_BUDGET]).sum();
    }

    /** The sum of the emergency cases' payments, over every institution. */
    public synchronized long emergencyFen() {
        return byCode.values().stream().mapToLong(a -> a[EMERGENCY]).sum();
    }

    /**
     * One row per institution, by code: every institution of the population (with zeros where nothing was settled), and
     * any other code a visit named (its name, kind unknown, the visit's level).
     */
    public synchronized List<InstitutionYear> rows(List<Institution> institutions) {
        Map<String, InstitutionYear> out = new TreeMap<>();
        for (Institution i : institutions) out.put(i.code(), row(i.code(), i.name(), i.level().key, i.kind()));
        for (String code : byCode.keySet()) out.computeIfAbsent(code, c -> row(c, null, levels.get(c), null));
        return new ArrayList<>(out.values());
    }

    private InstitutionYear row(String code, String name, String level, String kind) {
        long[] a = byCode.getOrDefault(code, new long[MONTHS + 12]);
        List<Long> months = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) months.add(a[MONTHS + m]);
        return new InstitutionYear(code, name, level, kind, a[VISITS], a[IN_BUDGET], a[EMERGENCY], months);
    }
}
