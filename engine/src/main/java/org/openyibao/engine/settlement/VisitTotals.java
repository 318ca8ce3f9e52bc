package org.openyibao.engine.settlement;

/** The visit's sums over its line groups, in fen, as the national fields count them. */
final class VisitTotals {
    /** all the visit's lines */
    final LineGroup lines;
    long deductible;
    long pooling;
    /** the pooling ratio reported: the last group's that applied one */
    int poolingRatio;
    long largeAmount;
    long seriousIllness;
    long assistance;
    long emergency;
    long account;
    long cash;

    VisitTotals(LineGroup lines) {
        this.lines = lines;
    }

    void add(GroupPayments paid) {
        deductible += paid.deductible;
        pooling += paid.pooling;
        if (paid.poolingRatio != 0 || poolingRatio == 0) poolingRatio = paid.poolingRatio;
        largeAmount += paid.largeAmount;
        seriousIllness += paid.seriousIllness;
        assistance += paid.assistance;
        emergency += paid.emergency;
        account += paid.account;
        cash += paid.cash();
    }

    long funds() {
        return pooling + largeAmount + seriousIllness + assistance + emergency;
    }
}
