package org.openyibao.engine.hospital;

/**
 * One month's prepayment to an institution, in fen: the month's budget, the prepayment (a share of it, rounded half-up
 * once), the quality deposit withheld from the prepayment (a share of it, rounded half-up once) and what is paid,
 * the prepayment less the deposit.
 *
 * @param month 1 (January) to 12
 */
public record MonthlyPrepayment(int month, long budgetFen, long prepaymentFen, long depositFen, long paidFen) {
    public MonthlyPrepayment {
        if (paidFen != prepaymentFen - depositFen) {
            throw new IllegalStateException("month " + month + ": paid " + paidFen + " is not the prepayment "
                    + prepaymentFen + " less the deposit " + depositFen);
        }
    }
}
