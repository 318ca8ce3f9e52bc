package org.openyibao.platform.yearend;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.openyibao.engine.error.Echo;
import org.openyibao.engine.money.Money;
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

    /**
     * The inputs as a form or a query gives them: amounts in yuan (empty: 0), the evaluation "passed" or "failed" (empty:
     * passed), institution codes; each refused naming its field.
     */
    public static YearEndInputs parse(String adminCost, String policyChangeLoss, String evaluation, List<String> failed) {
        String e = evaluation == null || evaluation.isBlank() ? "passed" : evaluation.trim();
        if (!e.equals("passed") && !e.equals("failed")) {
            throw ApiException.badRequest("insurer_evaluation", "insurer_evaluation: passed or failed, got '" + Echo.cut(e) + "'");
        }
        Set<String> codes = new TreeSet<>();
        if (failed != null) for (String f : failed) if (f != null && !f.isBlank()) codes.add(f.trim());
        return new YearEndInputs(fen("insurer_admin_cost", adminCost), fen("policy_change_loss", policyChangeLoss),
                e.equals("passed"), codes);
    }

    private static long fen(String field, String yuan) {
        if (yuan == null || yuan.isBlank()) return 0;
        try {
            BigDecimal v = new BigDecimal(yuan.trim());
            if (v.stripTrailingZeros().scale() > 2) {
                throw ApiException.badRequest(field, field + ": " + Echo.cut(yuan) + " has more than 2 decimals");
            }
            if (v.signum() < 0) throw ApiException.badRequest(field, field + ": is negative; an amount in yuan, 0 or more");
            if (v.compareTo(new BigDecimal("10000000000000")) > 0) {
                throw ApiException.badRequest(field, field + ": " + Echo.cut(yuan) + " is too large");
            }
            return Money.fen(v);
        } catch (NumberFormatException ex) {
            throw ApiException.badRequest(field, field + ": an amount in yuan (e.g. 1234.56), got '" + Echo.cut(yuan) + "'");
        }
    }
}
