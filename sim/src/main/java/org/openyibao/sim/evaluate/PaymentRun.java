package org.openyibao.sim.evaluate;

import java.util.List;

/**
 * A run's inpatient cases under its payment method (RUN/case_payment.json, docs/sim.md#case-payment), each hospital's
 * schemes summed: what the evaluation compares across methods.
 *
 * @param method fee-for-service, drg or dip
 * @param versions the grouping table versions
 */
public record PaymentRun(String method, List<String> versions, List<Hospital> hospitals) {
    public PaymentRun {
        versions = List.copyOf(versions);
        hospitals = List.copyOf(hospitals);
    }

    /** One hospital's year: its cases, their weights (DRG weight or DIP score, millionths), cost, income and the fund's due. */
    public record Hospital(String institution, String level, long cases, long grouped, long weightPpm, long costFen,
                           long incomeFen, long fundDueFen) {}

    public long cases() { return hospitals.stream().mapToLong(Hospital::cases).sum(); }

    public long costFen() { return hospitals.stream().mapToLong(Hospital::costFen).sum(); }

    public long incomeFen() { return hospitals.stream().mapToLong(Hospital::incomeFen).sum(); }

    public long fundDueFen() { return hospitals.stream().mapToLong(Hospital::fundDueFen).sum(); }

    /** The case-mix index: Σ weights ÷ grouped cases, in millionths (0 when nothing was grouped). */
    public long cmiPpm() {
        long g = hospitals.stream().mapToLong(Hospital::grouped).sum();
        long w = hospitals.stream().mapToLong(Hospital::weightPpm).sum();
        return g == 0 ? 0 : Math.round((double) w / g);
    }
}
