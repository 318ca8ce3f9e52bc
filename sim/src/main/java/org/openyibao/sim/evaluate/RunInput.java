package org.openyibao.sim.evaluate;

/**
 * One simulated year ({@code RUN/}) as the evaluation needs it: its {@code run.json} {@code scenario}
 * label, the {@code households/} table, the aggregate of its {@code settlements/}, the fund
 * totals of its {@code run.json}, what it compared ({@link RunContext}) and its inpatient cases' payment
 * ({@link PaymentRun}, null when not recorded). The first run given to
 * {@link Evaluation#run} is the baseline.
 */
public record RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds,
                       RunContext context, PaymentRun payment) {

    public RunInput {
        if (context == null) context = RunContext.NOT_RECORDED;
    }

    /** A run whose inpatient cases were not paid apart (no case_payment.json). */
    public RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds,
                    RunContext context) {
        this(label, households, settlements, funds, context, null);
    }

    /** A run whose context is not recorded. */
    public RunInput(String label, Households households, SettlementAggregate settlements, FundTotals funds) {
        this(label, households, settlements, funds, RunContext.NOT_RECORDED);
    }
}
