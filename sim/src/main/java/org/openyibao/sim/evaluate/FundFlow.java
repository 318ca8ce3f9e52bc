package org.openyibao.sim.evaluate;

/** A fund's year in fen: income, expenditure and their difference, the year's balance. */
public record FundFlow(long incomeFen, long expenditureFen) {

    /** balance = income − expenditure (the year's surplus, not the accumulated 累计结余). */
    public long balanceFen() {
        return incomeFen - expenditureFen;
    }
}
