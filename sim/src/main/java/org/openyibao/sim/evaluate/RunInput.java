package org.openyibao.sim.evaluate;

/**
 * One simulated year ({@code RUN/}) as the evaluation needs it: its {@code run.json} {@code scenario}
 * label, the {@code households/} table, the aggregate of its {@code settlements/}, the fund
 * totals of its {@code run.json} and what it compared ({@link RunContext}). The first run given to
 * {@link Evaluation#run} is the baseline.
 */
public record RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds,
                       RunContext context) {

    public RunInput {
        if (context == null) context = RunContext.NOT_RECORDED;
    }

    /** A run whose context is not recorded. */
    public RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds) {
        this(label, households, settlements, funds, RunContext.NOT_RECORDED);
    }
}
