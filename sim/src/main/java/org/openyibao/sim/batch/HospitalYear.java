package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.io.BudgetRulesJson;
import org.openyibao.sim.io.RunFiles;

/**
 * run.json's {@code hospitals} (docs/sim.md#hospital-budgets): what the institutions' budgets cover, the year's totals
 * of {@code institutions.parquet}, and the pack's hospital budget rules in force on the year's last day, with their
 * sources. The run writes no budget or year-end of its own: a budget is set from last year's spending, which a one-year
 * simulation does not have, so {@code yibao evaluate} sets them from the baseline run's spending and settles each run's
 * year-end against them (DECISION, docs/decisions.md#sim-hospital-budgets).
 */
public final class HospitalYear {
    /** The settlement fields the budgets cover: the basic pooling funds' payments. */
    public static final List<String> COVERS = List.of("hifp_pay");

    private HospitalYear() {}

    public static Map<String, Object> json(PolicyPack pack, int year, List<InstitutionYear> institutions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", RunFiles.INSTITUTIONS);
        m.put("covers", COVERS);
        m.put("institutions", institutions.size());
        m.put("institutions_paid", institutions.stream().filter(i -> i.inBudgetFen() + i.emergencyFen() > 0).count());
        m.put("in_budget_fen", institutions.stream().mapToLong(InstitutionYear::inBudgetFen).sum());
        m.put("emergency_fen", institutions.stream().mapToLong(InstitutionYear::emergencyFen).sum());
        BudgetRules rules = BudgetRules.of(pack, LocalDate.of(year, 12, 31));
        m.put("rules", rules == null ? null : BudgetRulesJson.json(rules));
        return m;
    }
}
