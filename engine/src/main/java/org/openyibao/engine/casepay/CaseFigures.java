package org.openyibao.engine.casepay;

import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;

/**
 * What the hospital indicators read of one paid case (docs/case-payment.md#indicators): its hospital, its group's
 * weight (DRG relative weight, or DIP score, in millionths; 0 when it has no group), cost, stay, and whether it was
 * far from its group's average (a high or low outlier or deviation, or sent to special review).
 */
public record CaseFigures(String hospital, boolean grouped, long weightPpm, long costFen, int lengthOfStay,
                          boolean outlier) {

    /** The figures of case {@code c} of {@code hospital}, paid {@code p}. */
    public static CaseFigures of(String hospital, CaseToPay c, CasePayment p) {
        GroupResult g = c.group();
        long weight = !g.grouped() ? 0 : g.method() == Method.DIP ? g.scorePpm() : g.weightPpm();
        return new CaseFigures(hospital, g.grouped(), weight, c.costFen(), c.lengthOfStay(), p.kind().outlier());
    }
}
