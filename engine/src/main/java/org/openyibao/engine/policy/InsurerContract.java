package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The serious-illness insurer's contract in force on a day, compiled from the pack's {@code insurer.contract.*}
 * values (docs/insurer.md, docs/policy-packs.md): how the premium is paid, what is withheld, and the profit/loss
 * corridor with what happens outside it. Every figure carries its {@link Cited} source. A new kind of contract is a
 * new set of these values, not new code: Zhanjiang's, Taicang's and Xiamen's differ only in data.
 *
 * @param premiumShare share of residents' contributions that is the premium ({@code resident.contribution.serious_illness_share})
 * @param instalments monthly instalments the premium less the reserve is paid in
 */
public record InsurerContract(String premiumBasis, Ratio premiumShare, int instalments, Cited instalmentsCited,
                              Ratio reserveWithheld, boolean reserveRefunded, Cited reserveRefundedCited,
                              boolean administrationCostCounts, Cited administrationCostCited,
                              Ratio profitRate, Ratio lossRate, Ratio profitAboveReturned, Ratio lossBeyondCompensated,
                              Ratio policyChangeLossCompensated) {

    static final String PREFIX = "insurer.contract.";

    /** Whether the pack defines a contract at all (any {@code insurer.contract.*} value). */
    public static boolean defined(PolicyPack pack) {
        return pack.parameters().keySet().stream().anyMatch(p -> p.startsWith(PREFIX));
    }

    /**
     * The contract in force on {@code date}, or null when the pack has none; a contract with a value missing that day
     * is refused with every missing path ({@link PolicyException}).
     */
    public static InsurerContract of(PolicyPack pack, LocalDate date) {
        if (!defined(pack)) return null;
        List<Problem> problems = new ArrayList<>();
        InsurerContract c = compile(pack, date, problems);
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return c;
    }

    /** As {@link #of}, adding what is missing to {@code problems} (for the pack's check) instead of throwing. */
    static InsurerContract compile(PolicyPack pack, LocalDate date, List<Problem> problems) {
        ValuesOnDay r = new ValuesOnDay(pack, date, problems, "the insurer's contract");
        String basis = (String) r.value(PREFIX + "premium_basis");
        Ratio share = r.ratio("resident.contribution.serious_illness_share");
        Dated inst = r.dated(PREFIX + "instalments");
        Ratio withheld = r.ratio(PREFIX + "reserve.withheld_share");
        Dated refunded = r.dated(PREFIX + "reserve.refunded_after_evaluation");
        Dated admin = r.dated(PREFIX + "administration_cost_counts");
        Ratio profit = r.ratio(PREFIX + "corridor.profit_rate");
        Ratio loss = r.ratio(PREFIX + "corridor.loss_rate");
        Ratio returned = r.ratio(PREFIX + "corridor.profit_above_returned");
        Ratio compensated = r.ratio(PREFIX + "corridor.loss_beyond_compensated");
        Ratio policy = r.ratio(PREFIX + "policy_change_loss_compensated");
        if (inst != null && (Integer) inst.value() < 1) {
            problems.add(new Problem(r.file(PREFIX + "instalments"), inst.line(), PREFIX + "instalments",
                    "the premium is paid in at least 1 instalment, not " + inst.value()));
        }
        if (!problems.isEmpty()) return null;
        return new InsurerContract(basis, share, (Integer) inst.value(), r.cite(PREFIX + "instalments", inst),
                withheld, (Boolean) refunded.value(), r.cite(PREFIX + "reserve.refunded_after_evaluation", refunded),
                (Boolean) admin.value(), r.cite(PREFIX + "administration_cost_counts", admin),
                profit, loss, returned, compensated, policy);
    }
}
