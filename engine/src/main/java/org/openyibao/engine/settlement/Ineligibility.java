package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.Cited;

/**
 * Why a visit was settled without insurance: a named reason with a stable code, the words for this
 * person and visit, and the pack parameter that decided it (null where the rule is not a pack value,
 * e.g. a person with no scheme). The visit is still settled: emergency cover may pay, the rest is cash.
 */
public record Ineligibility(Reason reason, String explanation, Cited rule) {

    /** The reasons, each with its code and the rule it applies. */
    public enum Reason {
        /** No scheme covers the person on the visit's date. */
        NOT_INSURED("not_insured", "only the insured are paid by the funds (no enrolment covers the visit's date)"),
        /** The visit is before the day the person's enrolment (contributions) began. */
        BEFORE_ENROLMENT("before_enrolment", "benefits cover visits from the day of enrolment"),
        /** Enrolled, but the waiting period after contributions began has not passed. */
        WAITING_PERIOD("waiting_period", "benefits start after the waiting period (<scheme>.eligibility.waiting_months)"),
        /** Benefits suspended because contributions are in arrears. */
        ARREARS_SUSPENDED("arrears_suspended", "arrears suspend benefits (<scheme>.eligibility.arrears_suspend)");

        private final String code;
        private final String rule;

        Reason(String code, String rule) {
            this.code = code;
            this.rule = rule;
        }

        /** The stable code, e.g. {@code waiting_period}. */
        public String code() {
            return code;
        }

        /** The rule in words. */
        public String rule() {
            return rule;
        }

        /** The reason with this code, or null. */
        public static Reason of(String code) {
            for (Reason r : values()) if (r.code.equals(code)) return r;
            return null;
        }
    }

    public String code() {
        return reason.code();
    }
}
