package org.openyibao.sim.evaluate;

/**
 * One simulated year ({@code RUN/}) as the evaluation needs it: its {@code run.json} {@code scenario}
 * label, the {@code households/} table, the aggregate of its {@code settlements/} and the fund
 * totals of its {@code run.json}. The first run given to {@link Evaluation#run} is the baseline.
 */
public record RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds) {
}
