package org.openyibao.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parameters a policy pack may define: their paths, units and table keys. Structure only;
 * every number lives in the packs. A path segment in braces is a table dimension whose keys are
 * the words of a domain enum, or {@code all} for "every key".
 */
public final class PolicySchema {

    public enum Kind { VALUE, SCALE, DECLARATIONS }

    public record Entry(String pattern, Kind kind, Unit unit, List<String> choices, String meaning) {
        String[] segments() {
            return pattern.split("\\.");
        }
    }

    public static final String ALL = "all";

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private static void value(String pattern, Unit unit, String meaning, String... choices) {
        ENTRIES.add(new Entry(pattern, Kind.VALUE, unit, List.of(choices), meaning));
    }

    static {
        for (String s : new String[] {"resident", "employee"}) {
            value(s + ".tiers", Unit.TIERS, "tiers that settle this scheme's visits, in the order they pay");
            value(s + ".eligibility.waiting_months", Unit.MONTHS,
                    "months after contributions start before benefits (employees: from the seventh month)");
            value(s + ".eligibility.arrears_suspend", Unit.BOOLEAN, "arrears suspend benefits");
            value(s + ".inpatient.deductible.{level}", Unit.CURRENCY, "deductible by institution level");
            value(s + ".inpatient.deductible_basis", Unit.CHOICE, "deductible per admission or per year",
                    "admission", "year");
            value(s + ".special_outpatient.diseases", Unit.CODES,
                    "special outpatient diseases (ICD-10 prefixes), settled by inpatient rules");
            value(s + ".special_outpatient.deductible_basis", Unit.CHOICE,
                    "special outpatient deductible per visit, per year, or none", "visit", "year", "none");
            value(s + ".large_amount.ratio.{level}", Unit.RATIO,
                    "share of the eligible cost above the basic annual cap paid by the large-amount cover");
        }
        value("resident.inpatient.ratio.{level}", Unit.RATIO, "pooling ratio of the in-scope cost above the deductible");
        value("employee.inpatient.ratio.{employment}.{level}", Unit.RATIO,
                "pooling ratio by employment status and institution level");
        value("resident.basic.annual_cap.{contribution}", Unit.CURRENCY, "annual pooling-fund cap by contribution level");
        value("employee.basic.annual_cap", Unit.CURRENCY, "annual pooling-fund cap");
        value("resident.large_amount.annual_limit.{contribution}", Unit.CURRENCY,
                "annual limit of the residents' large medical aid by contribution level");
        value("employee.large_amount.annual_limit", Unit.CURRENCY, "annual limit of the employees' large-amount subsidy");

        value("resident.outpatient.village.card_credit", Unit.CURRENCY,
                "yearly credit to the outpatient card, spent at village stations");
        value("resident.outpatient.village.card_rolls_over", Unit.BOOLEAN, "unspent card balance carries into next year");
        value("resident.outpatient.township.deductible", Unit.CURRENCY, "per-visit amount the person pays first");
        value("resident.outpatient.township.ratio", Unit.RATIO, "pooling ratio above the per-visit deductible");
        value("resident.outpatient.township.annual_limit", Unit.CURRENCY, "yearly limit of township outpatient pooling");

        value("employee.individual_account.covers_self_pay", Unit.BOOLEAN,
                "the account may also pay class C and over-limit amounts");

        ENTRIES.add(new Entry("serious_illness.bands.{category}", Kind.SCALE, Unit.RATIO, List.of(),
                "marginal bands on the annual cumulative in-scope self-pay"));
        value("serious_illness.combined_cap.{category}.{contribution}", Unit.CURRENCY,
                "annual cap of basic pooling + serious illness together");
        value("serious_illness.annual_cap.{category}.{contribution}", Unit.CURRENCY,
                "annual cap of serious-illness payments alone (optional; none when absent)");
        value("serious_illness.include_general_outpatient", Unit.BOOLEAN,
                "general outpatient in-scope self-pay counts toward the serious-illness base");
        value("serious_illness.children.max_age", Unit.YEARS, "children up to this age (inclusive)");
        value("serious_illness.children.diagnoses", Unit.CODES, "the named serious illnesses of children (ICD-10)");
        value("serious_illness.children.pooling_ratio", Unit.RATIO, "ratio paid by residents' insurance");
        value("serious_illness.children.assistance_ratio", Unit.RATIO, "ratio paid by the medical-assistance fund");

        value("medical_assistance.threshold.{category}", Unit.CURRENCY,
                "annual in-scope self-pay (after insurance) the person bears before assistance");
        value("medical_assistance.ratio.{category}", Unit.RATIO, "share of the self-pay above the threshold");
        value("medical_assistance.annual_cap.{category}", Unit.CURRENCY, "yearly assistance limit");

        value("classification.default_self_pay_first_ratio", Unit.RATIO,
                "self-pay-first ratio of a class B line that names none");

        ENTRIES.add(new Entry("emergency.declarations", Kind.DECLARATIONS, null, List.of(),
                "declared public-health emergencies"));

        // Contributions (REFERENCE §2): used by the registry, not by the settlement engine.
        value("employee.contribution.employer_rate", Unit.RATIO, "employer's rate on the payment base");
        value("employee.contribution.employee_rate", Unit.RATIO, "employee's rate on the payment base");
        value("employee.contribution.account_share_of_employee", Unit.RATIO,
                "share of the employee's own contribution credited to the individual account");
        value("employee.contribution.retiree_account_monthly_credit", Unit.CURRENCY, "retirees' monthly account credit");
        value("employee.contribution.single_pooling_rate", Unit.RATIO, "single-pooling employer rate");
        value("employee.contribution.single_pooling_base_share", Unit.RATIO,
                "single-pooling base as a share of last year's average wage");
        value("employee.contribution.payment_base_floor", Unit.MULTIPLE, "payment base floor, × average wage");
        value("employee.contribution.payment_base_ceiling", Unit.MULTIPLE, "payment base ceiling, × average wage");
        value("resident.contribution.individual.{contribution}", Unit.CURRENCY, "individual annual contribution");
        value("resident.contribution.fiscal_subsidy", Unit.CURRENCY, "fiscal subsidy per person per year");
        value("resident.contribution.serious_illness_share", Unit.RATIO,
                "share of residents' contributions that buys serious-illness insurance");

        // The serious-illness insurer's contract (docs/insurer.md): read by InsurerContract, not by the settlement engine.
        value("insurer.contract.premium_basis", Unit.CHOICE,
                "what the premium is: residents' contributions × resident.contribution.serious_illness_share",
                "resident_contributions");
        value("insurer.contract.instalments", Unit.MONTHS,
                "the premium less the reserve is paid in this many equal monthly instalments, the remainder with the last");
        value("insurer.contract.reserve.withheld_share", Unit.RATIO,
                "share of the premium withheld until the year-end evaluation");
        value("insurer.contract.reserve.refunded_after_evaluation", Unit.BOOLEAN,
                "the withheld reserve is paid to the insurer when it passes the evaluation (else the fund keeps it)");
        value("insurer.contract.administration_cost_counts", Unit.BOOLEAN,
                "the insurer's administration cost counts in the result the corridor applies to");
        value("insurer.contract.corridor.profit_rate", Unit.RATIO,
                "the insurer keeps a profit up to this share of the premium");
        value("insurer.contract.corridor.loss_rate", Unit.RATIO,
                "the insurer bears a loss up to this share of the premium");
        value("insurer.contract.corridor.profit_above_returned", Unit.RATIO,
                "share of the profit above the corridor returned to the fund");
        value("insurer.contract.corridor.loss_beyond_compensated", Unit.RATIO,
                "share of the loss beyond the corridor the fund compensates");
        value("insurer.contract.policy_change_loss_compensated", Unit.RATIO,
                "share of a loss caused by a policy change the fund compensates, before the corridor");

        // The insurer's case audit (docs/insurer.md#audit): read by CaseAudit, not by the settlement engine.
        value("insurer.contract.audit.sampling.mode", Unit.CHOICE,
                "which serious-illness cases the insurer reviews: every case, a share of them (chosen by a hash of the"
                        + " settlement's id), or those whose serious-illness amount is above an amount",
                "all", "share", "above_amount");
        value("insurer.contract.audit.sampling.share", Unit.RATIO, "the share of cases reviewed (mode share)");
        value("insurer.contract.audit.sampling.above", Unit.CURRENCY,
                "cases whose serious-illness amount is above this are reviewed (mode above_amount)");
        value("insurer.audit.reasons", Unit.REASONS,
                "the reasons the insurer may give for a decision: code, zh and en words, decisions (approve, adjust, reject)");

        // Hospital global budgets (docs/hospital-payment.md): read by BudgetRules, not by the settlement engine.
        value("hospital.budget.basis", Unit.CHOICE,
                "how an institution's annual budget is set: last year's spending × (1 + growth_rate), or a figure set by"
                        + " hand per institution (a hand-set figure wins under either basis)",
                "last_year_spending", "set_by_hand");
        value("hospital.budget.growth_rate", Unit.RATIO, "growth of the budget over last year's spending");
        value("hospital.budget.monthly_split", Unit.CHOICE,
                "the annual budget by month: equal twelfths, or last year's monthly shares; rounded down, the remainder in December",
                "equal_twelfths", "last_year_shares");
        value("hospital.budget.prepayment_share", Unit.RATIO, "share of the month's budget prepaid to the institution");
        value("hospital.budget.quality_deposit.withheld_share", Unit.RATIO,
                "share of each monthly prepayment withheld as the quality deposit");
        value("hospital.budget.quality_deposit.returned", Unit.CHOICE,
                "when the deposit returns: at the year-end settlement, or only after a passed evaluation (else the fund keeps it)",
                "at_year_end", "after_evaluation");
        value("hospital.budget.year_end.saving_kept", Unit.RATIO,
                "share of an under-spend (budget − spending) the institution keeps");
        value("hospital.budget.year_end.overspend_bound", Unit.MULTIPLE,
                "over-spending up to this multiple of the budget is shared with the fund (at least 1)");
        value("hospital.budget.year_end.overspend_fund_share", Unit.RATIO,
                "share of the over-spend up to the bound the fund pays; the institution bears the rest");
        value("hospital.budget.year_end.beyond_bound_fund_share", Unit.RATIO,
                "share of the spending beyond the bound the fund pays; the institution bears the rest");
        value("hospital.budget.year_end.emergency_outside_budget", Unit.BOOLEAN,
                "fund payments for a declared emergency's cases are paid in full, outside the budget");

        // Case-based payment of hospitals (docs/case-payment.md): read by CasePaymentRules, not by the settlement engine.
        value("hospital.case_payment.method", Unit.CHOICE,
                "how inpatient cases are paid to hospitals: by fee for each service, by DRG, or by DIP",
                "fee_for_service", "drg", "dip");
        value("hospital.case_payment.emergency_outside", Unit.BOOLEAN,
                "an emergency or epidemic case is paid by fee, outside the DRG/DIP rules");
        value("hospital.case_payment.special_review.cost_multiple", Unit.MULTIPLE,
                "a case costing more than this multiple of its group's average cost goes to special review (特例单议)");
        value("hospital.case_payment.special_review.length_of_stay", Unit.DAYS,
                "a case staying longer than this many days goes to special review (特例单议)");
        value("hospital.case_payment.drg.base_rate", Unit.CURRENCY, "DRG base rate: the payment of a case of weight 1");
        value("hospital.case_payment.drg.level_coefficient.{level}", Unit.MULTIPLE,
                "DRG payment coefficient by institution level (standard = weight × base rate × coefficient)");
        value("hospital.case_payment.drg.high_outlier.threshold", Unit.MULTIPLE,
                "a case costing more than this multiple of its group's average cost is a high-cost outlier");
        value("hospital.case_payment.drg.high_outlier.excess_ratio", Unit.RATIO,
                "share of a high-cost outlier's cost above the threshold paid on top of the standard");
        value("hospital.case_payment.drg.low_outlier.threshold", Unit.MULTIPLE,
                "a case costing less than this multiple of its group's average cost is a low-cost outlier");
        value("hospital.case_payment.drg.low_outlier.cost_ratio", Unit.RATIO,
                "share of a low-cost outlier's cost paid (by fee) instead of the standard");
        value("hospital.case_payment.dip.high_deviation.threshold", Unit.MULTIPLE,
                "a case costing more than this multiple of its group's average cost scores (cost ÷ average − 1) × base score");
        value("hospital.case_payment.dip.low_deviation.threshold", Unit.MULTIPLE,
                "a case costing less than this multiple of its group's average cost scores cost ÷ average × base score");
        value("hospital.case_payment.dip.score_cap", Unit.MULTIPLE,
                "the regional cap of a case's points, as a multiple of its group's base score");
        value("hospital.case_payment.advance.share", Unit.RATIO,
                "share of a month's estimated case dues (DRG payments, or DIP points × the estimated point value, less"
                        + " the patients' share) the fund advances to the hospital");
        value("hospital.case_payment.advance.dip_point_value", Unit.CURRENCY,
                "the estimated value of one DIP point for the monthly advances, until the year-end fixes it");
        value("hospital.case_payment.dip.separate_point_values", Unit.BOOLEAN,
                "employees' and residents' cases have separate budgets and point values at the year-end");

        // Fund reserves (the agency's dashboard): bands of the months of expenditure a fund's balance covers.
        value("fund.reserve.months.risk_below", Unit.MONTHS, "a balance covering fewer months of spending is a risk warning");
        value("fund.reserve.months.low_below", Unit.MONTHS, "below this many months the reserve is under the reasonable range");
        value("fund.reserve.months.high_above", Unit.MONTHS, "above this many months the reserve is over the reasonable range");
        value("fund.reserve.months.excess_above", Unit.MONTHS, "above this many months the balance is too much (结余过多)");
    }

    private PolicySchema() {}

    public static List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }

    static List<String> keysOf(String dimension) {
        List<String> keys = switch (dimension) {
            case "{level}" -> Arrays.stream(Level.values()).map(l -> l.key).toList();
            case "{category}" -> Arrays.stream(Category.values()).map(l -> l.key).toList();
            case "{employment}" -> Arrays.stream(Employment.values()).map(l -> l.key).toList();
            case "{contribution}" -> Arrays.stream(Contribution.values()).map(l -> l.key).toList();
            default -> throw new IllegalStateException(dimension);
        };
        return Stream.concat(keys.stream(), Stream.of(ALL)).toList();
    }

    private static boolean segmentMatches(String patternSegment, String segment) {
        if (patternSegment.startsWith("{")) return keysOf(patternSegment).contains(segment);
        return patternSegment.equals(segment);
    }

    /** The schema entry for a concrete parameter path, or null. */
    public static Entry find(String path) {
        String[] parts = path.split("\\.");
        for (Entry e : ENTRIES) {
            String[] seg = e.segments();
            if (seg.length != parts.length) continue;
            boolean ok = true;
            for (int i = 0; i < seg.length && ok; i++) ok = segmentMatches(seg[i], parts[i]);
            if (ok) return e;
        }
        return null;
    }

    /** Whether {@code path} is a proper prefix of some parameter (an intermediate node). */
    public static boolean isContainer(String path) {
        String[] parts = path.isEmpty() ? new String[0] : path.split("\\.");
        for (Entry e : ENTRIES) {
            String[] seg = e.segments();
            if (seg.length <= parts.length) continue;
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) ok = segmentMatches(seg[i], parts[i]);
            if (ok) return true;
        }
        return false;
    }

    /** The keys allowed directly under {@code parent}, for an "unknown key" message. */
    public static Set<String> keysUnder(String parent) {
        String[] parts = parent.isEmpty() ? new String[0] : parent.split("\\.");
        Set<String> keys = new LinkedHashSet<>();
        for (Entry e : ENTRIES) {
            String[] seg = e.segments();
            if (seg.length <= parts.length) continue;
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) ok = segmentMatches(seg[i], parts[i]);
            if (!ok) continue;
            String next = seg[parts.length];
            if (next.startsWith("{")) keys.addAll(keysOf(next));
            else keys.add(next);
        }
        return keys;
    }

    public static String describe() {
        return ENTRIES.stream().map(e -> e.pattern() + "  [" + (e.kind() == Kind.VALUE ? e.unit().yamlName
                : e.kind().name().toLowerCase()) + "]  " + e.meaning()).collect(Collectors.joining("\n"));
    }
}
