package org.openyibao.engine.insurer;

import static org.openyibao.engine.money.Money.applyRatio;
import static org.openyibao.engine.money.Money.format;
import static org.openyibao.engine.money.Money.formatRatio;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.Ratio;

/**
 * The insurer's year-end under its contract (docs/insurer.md): a pure calculation, figures and contract in, the
 * {@link YearEnd} with a readable step for each rule out. Integer fen throughout; each share of an amount is rounded
 * half-up once ({@link org.openyibao.engine.money.Money#applyRatio}). The steps, in order:
 * <ol>
 * <li>the reserve withheld from the premium, and the monthly instalments of the rest;</li>
 * <li>the result before the corridor: premium − claims (− administration cost when the contract counts it);</li>
 * <li>a loss a policy change caused, compensated by the fund first, up to the loss;</li>
 * <li>the corridor: a profit above it partly or wholly returned to the fund, a loss beyond it partly or wholly
 *     compensated;</li>
 * <li>the reserve refunded after a passed evaluation, else kept by the fund.</li>
 * </ol>
 */
public final class InsurerYearEnd {
    private InsurerYearEnd() {}

    public static YearEnd of(YearEndFigures in, InsurerContract c) {
        List<YearEndStep> steps = new ArrayList<>();
        long premium = in.premiumFen();
        long withheld = applyRatio(premium, c.reserveWithheld().ppm());
        steps.add(new YearEndStep("reserve withheld", format(premium) + " premium × " + formatRatio(c.reserveWithheld().ppm())
                + " withheld until the year-end evaluation = " + format(withheld), List.of(c.reserveWithheld().cited()), withheld));
        List<Long> instalments = instalments(premium - withheld, c.instalments());
        steps.add(new YearEndStep("monthly instalments", format(premium - withheld) + " in " + c.instalments()
                + " equal instalments of " + format(instalments.get(0)) + ", the last " + format(instalments.get(instalments.size() - 1))
                + " (the remainder)", List.of(c.instalmentsCited()), premium - withheld));

        long admin = c.administrationCostCounts() ? in.administrationCostFen() : 0;
        long before = premium - in.claimsFen() - admin;
        steps.add(new YearEndStep("result before the corridor", format(premium) + " premium − " + format(in.claimsFen())
                + " claims" + (c.administrationCostCounts() ? " − " + format(admin) + " administration cost"
                : " (the administration cost does not count)") + " = " + format(before),
                List.of(c.administrationCostCited()), before));

        long policy = policyChange(before, in.policyChangeLossFen(), c.policyChangeLossCompensated(), steps);
        Corridor corridor = corridor(before + policy, premium, c, steps);

        boolean refund = c.reserveRefunded() && in.evaluationPassed();
        long refunded = refund ? withheld : 0;
        long kept = withheld - refunded;
        steps.add(new YearEndStep("reserve after the evaluation", withheld == 0 ? "nothing was withheld"
                : refund ? format(withheld) + " refunded to the insurer after a passed evaluation"
                : format(withheld) + " kept by the fund (" + (c.reserveRefunded() ? "the evaluation was not passed"
                : "the contract does not refund it") + ")", List.of(c.reserveRefundedCited()), refunded));

        long after = before + policy - corridor.returned + corridor.compensated - kept;
        steps.add(new YearEndStep("result after the corridor", format(before) + " + " + format(policy) + " policy-change compensation − "
                + format(corridor.returned) + " returned + " + format(corridor.compensated) + " compensated − " + format(kept)
                + " reserve kept = " + format(after), List.of(), after));
        return new YearEnd(premium, in.claimsFen(), admin, before, policy, corridor.profit, corridor.loss, corridor.returned,
                corridor.compensated, withheld, refunded, kept, after, instalments, steps);
    }

    /** {@code amount} in {@code n} equal instalments (rounded down to the fen), the remainder with the last. */
    static List<Long> instalments(long amount, int n) {
        long each = amount / n;
        List<Long> out = new ArrayList<>(n);
        for (int m = 1; m < n; m++) out.add(each);
        out.add(amount - each * (n - 1));
        return out;
    }

    /** The fund's compensation of the loss a policy change caused: the share of the smaller of that loss and the year's loss. */
    private static long policyChange(long before, long policyLoss, Ratio share, List<YearEndStep> steps) {
        long loss = Math.max(0, -before);
        long covered = Math.min(policyLoss, loss);
        long paid = applyRatio(covered, share.ppm());
        if (policyLoss > 0) {
            steps.add(new YearEndStep("policy-change loss", "the loss a policy change caused, " + format(policyLoss)
                    + (loss == 0 ? ", left no loss to compensate" : ", up to the year's loss " + format(loss) + ": "
                    + format(covered) + " × " + formatRatio(share.ppm()) + " compensated by the fund = " + format(paid)),
                    List.of(share.cited()), paid));
        }
        return paid;
    }

    private record Corridor(long profit, long loss, long returned, long compensated) {}

    /** The corridor around a result: inside it the insurer keeps the profit or bears the loss; outside, the contract's shares. */
    private static Corridor corridor(long result, long premium, InsurerContract c, List<YearEndStep> steps) {
        long profit = applyRatio(premium, c.profitRate().ppm());
        long loss = applyRatio(premium, c.lossRate().ppm());
        List<Cited> cited = List.of(c.profitRate().cited(), c.lossRate().cited());
        String band = "corridor: a profit up to " + format(premium) + " × " + formatRatio(c.profitRate().ppm()) + " = "
                + format(profit) + ", a loss up to " + format(premium) + " × " + formatRatio(c.lossRate().ppm()) + " = " + format(loss);
        if (result > profit) {
            long above = result - profit;
            long returned = applyRatio(above, c.profitAboveReturned().ppm());
            steps.add(new YearEndStep("profit above the corridor", band + "; the result " + format(result) + " is "
                    + format(above) + " above it: " + format(above) + " × " + formatRatio(c.profitAboveReturned().ppm())
                    + " returned to the fund = " + format(returned),
                    List.of(c.profitRate().cited(), c.lossRate().cited(), c.profitAboveReturned().cited()), returned));
            return new Corridor(profit, loss, returned, 0);
        }
        if (-result > loss) {
            long beyond = -result - loss;
            long compensated = applyRatio(beyond, c.lossBeyondCompensated().ppm());
            steps.add(new YearEndStep("loss beyond the corridor", band + "; the loss " + format(-result) + " is "
                    + format(beyond) + " beyond it: " + format(beyond) + " × " + formatRatio(c.lossBeyondCompensated().ppm())
                    + " compensated by the fund = " + format(compensated),
                    List.of(c.profitRate().cited(), c.lossRate().cited(), c.lossBeyondCompensated().cited()), compensated));
            return new Corridor(profit, loss, 0, compensated);
        }
        steps.add(new YearEndStep("inside the corridor", band + "; the result " + format(result)
                + " is inside it: the insurer keeps the profit or bears the loss", cited, 0));
        return new Corridor(profit, loss, 0, 0);
    }
}
