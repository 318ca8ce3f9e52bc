package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The serious-illness insurer's year under the run's contract (docs/sim.md#insurer, docs/insurer.md): the premium is
 * the serious-illness fund's income (the contract's share of residents' contributions), the claims its expenditure
 * (what the settlements paid as {@code hifmi_pay}), and {@link InsurerYearEnd} does the rest with the contract in force
 * on the year's last day. The simulation knows no administration cost and attributes no loss to a policy change
 * (a scenario is compared with the baseline instead), and takes the evaluation as passed (DECISION, docs/sim.md#insurer).
 */
public final class InsurerYear {
    private InsurerYear() {}

    /** The year-end, or null when the pack has no insurer's contract on the year's last day. */
    public static YearEnd of(PolicyPack pack, int year, Map<String, Map<String, Long>> funds) {
        if (!InsurerContract.defined(pack)) return null;
        Map<String, Long> si = funds.get(FundSums.SERIOUS_ILLNESS);
        if (si == null) return null;
        InsurerContract contract = InsurerContract.of(pack, LocalDate.of(year, 12, 31));
        return InsurerYearEnd.of(YearEndFigures.of(si.get("income_fen"), si.get("expenditure_fen")), contract);
    }

    /** run.json's {@code insurer}: the year-end's figures in fen, the loss ratio, and the contract's corridor. */
    public static Map<String, Object> json(PolicyPack pack, int year, Map<String, Map<String, Long>> funds) {
        YearEnd y = of(pack, year, funds);
        if (y == null) return null;
        InsurerContract c = InsurerContract.of(pack, LocalDate.of(year, 12, 31));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("premium_fen", y.premiumFen());
        m.put("claims_fen", y.claimsFen());
        m.put("loss_ratio", y.lossRatio());
        m.put("result_before_fen", y.resultBeforeFen());
        m.put("result_after_fen", y.resultAfterFen());
        m.put("returned_fen", y.toFundFen());
        m.put("compensated_fen", y.compensatedFen());
        m.put("reserve_withheld_fen", y.reserveWithheldFen());
        m.put("reserve_refunded_fen", y.reserveRefundedFen());
        m.put("instalments_fen", y.instalmentsFen());
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("profit_rate", c.profitRate().cited().value());
        contract.put("loss_rate", c.lossRate().cited().value());
        contract.put("profit_above_returned", c.profitAboveReturned().cited().value());
        contract.put("loss_beyond_compensated", c.lossBeyondCompensated().cited().value());
        contract.put("reserve_withheld_share", c.reserveWithheld().cited().value());
        contract.put("source", c.profitRate().cited().source());
        m.put("contract", contract);
        return m;
    }
}
