package org.openyibao.engine.settlement;

/**
 * What the tiers have paid so far from one line group, in fen. The run loop fills it in tier order;
 * the later tiers read what is left.
 */
final class GroupPayments {
    final LineGroup group;
    long deductible;
    long pooling;
    /** the pooling ratio applied (ppm; 0 when pooling paid nothing by ratio) */
    int poolingRatio;
    /** the pooling money the annual cap stopped, fen × ppm, kept exact for large-amount cover */
    long cappedMicro;
    long largeAmount;
    long seriousIllness;
    long assistance;
    long emergency;
    long account;

    GroupPayments(LineGroup group) {
        this.group = group;
    }

    /** Basic pooling, large amount, serious illness and assistance: the funds bound by the in-scope amount. */
    long insuranceFunds() {
        return pooling + largeAmount + seriousIllness + assistance;
    }

    /** Every fund, emergency cover included. */
    long funds() {
        return insuranceFunds() + emergency;
    }

    /** In-scope money no fund has paid yet. */
    long inScopeLeft() {
        return group.inScope() - insuranceFunds();
    }

    /** What the person still owes for the group before the account pays. */
    long personLeft() {
        return group.total() - funds();
    }

    long cash() {
        return group.total() - funds() - account;
    }
}
