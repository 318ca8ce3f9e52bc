package org.openyibao.sim.evaluate;

/**
 * A run's serious-illness insurer under its contract, from run.json's {@code insurer} (docs/sim.md#insurer): the
 * premium and claims of the year, the loss ratio (claims ÷ premium; null without a premium), the insurer's result
 * before and after the contract's profit/loss corridor, what returned to the fund and what the fund compensated,
 * all in fen, and the corridor's rates as the pack writes them.
 */
public record InsurerFigures(long premiumFen, long claimsFen, Double lossRatio, long resultBeforeFen, long resultAfterFen,
                             long returnedFen, long compensatedFen, String profitRate, String lossRate) {
}
