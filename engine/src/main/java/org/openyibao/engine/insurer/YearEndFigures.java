package org.openyibao.engine.insurer;

/**
 * What the year brought the insurer, in fen: the premium the fund owes it, the claims it paid, its administration
 * cost, the part of its loss the agency agrees a policy change caused, and whether it passed the year-end evaluation
 * (which decides a withheld reserve). Refused with the field named when an amount is negative or the policy-caused
 * loss is larger than the claims.
 */
public record YearEndFigures(long premiumFen, long claimsFen, long administrationCostFen, long policyChangeLossFen,
                             boolean evaluationPassed) {
    public YearEndFigures {
        nonNegative("premium", premiumFen);
        nonNegative("claims", claimsFen);
        nonNegative("administration_cost", administrationCostFen);
        nonNegative("policy_change_loss", policyChangeLossFen);
        if (policyChangeLossFen > claimsFen) {
            throw new IllegalArgumentException("policy_change_loss: " + policyChangeLossFen
                    + " fen is more than the claims paid (" + claimsFen + " fen)");
        }
    }

    /** A year with no administration cost, no policy-caused loss and a passed evaluation. */
    public static YearEndFigures of(long premiumFen, long claimsFen) {
        return new YearEndFigures(premiumFen, claimsFen, 0, 0, true);
    }

    private static void nonNegative(String field, long fen) {
        if (fen < 0) throw new IllegalArgumentException(field + ": " + fen + " fen is negative; amounts are 0 or more");
    }
}
