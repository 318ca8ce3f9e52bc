package org.openyibao.sim.evaluate;

import java.util.List;

import org.openyibao.engine.policy.BudgetRules;

/**
 * A run's institutions for the hospitals' budgets (docs/sim.md#hospital-budgets): each institution's year
 * ({@code institutions.parquet}) and the hospital budget rules the run was settled under (run.json's
 * {@code hospitals.rules}; null when its pack has none).
 */
public record HospitalFigures(BudgetRules rules, List<InstitutionYear> institutions) {
    public HospitalFigures {
        institutions = List.copyOf(institutions);
    }
}
