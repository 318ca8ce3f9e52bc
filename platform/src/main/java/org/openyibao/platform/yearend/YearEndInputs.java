package org.openyibao.platform.yearend;

import java.util.Set;
import java.util.TreeSet;

import org.openyibao.platform.web.ApiException;

/**
 * What a year's close needs beyond the ledger, decided by people: the insurer's administration cost for the year (as it
 * declared it to the agency), the part of its loss the agency agrees a policy change caused, whether the insurer passed
 * the year-end evaluation, and the institutions that failed theirs. Amounts in fen, never negative; a bad value is
 * refused naming the option.
 */
public record YearEndInputs(long insurerAdministrationCostFen, long policyChangeLossFen, boolean insurerEvaluationPassed,
                            Set<String> failedInstitutions) {
    public YearEndInputs {
        if (insurerAdministrationCostFen < 0) {
            throw ApiException.badRequest("insurer_admin_cost", "insurer_admin_cost: is negative; an amount in yuan, 0 or more");
        }
        if (policyChangeLossFen < 0) {
            throw ApiException.badRequest("policy_change_loss", "policy_change_loss: is negative; an amount in yuan, 0 or more");
        }
        for (String code : failedInstitutions) {
            if (code == null || !code.matches("[A-Za-z0-9]{1,30}")) {
                throw ApiException.badRequest("failed_evaluation", "failed_evaluation: '" + shorten(code)
                        + "' is not an institution code (letters and digits, at most 30)");
            }
        }
        failedInstitutions = Set.copyOf(new TreeSet<>(failedInstitutions));
    }

    /** No administration cost declared, no policy-caused loss, every evaluation passed. */
    public static YearEndInputs none() {
        return new YearEndInputs(0, 0, true, Set.of());
    }

    /** The failed institutions as stored: sorted, comma-separated. */
    public String failedList() {
        return String.join(",", new TreeSet<>(failedInstitutions));
    }

    private static String shorten(String s) {
        if (s == null) return "";
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
