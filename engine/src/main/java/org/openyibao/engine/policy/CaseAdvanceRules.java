package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.money.Money;

/**
 * How the fund advances case payments to hospitals month by month, before the year-end settles them
 * (docs/case-payment.md#monthly-advances), compiled from the pack's {@code hospital.case_payment.advance.*} values:
 * the share of a month's estimated dues advanced, and the estimated value of a DIP point. Required, with the other
 * case payment rules, in a pack that has any {@code hospital.case_payment.*} value.
 *
 * @param share the share advanced, in millionths
 * @param dipPointValue the estimated value of one DIP point (fen per point)
 */
public record CaseAdvanceRules(Ratio share, Amount dipPointValue) {
    static final String PREFIX = CasePaymentRules.PREFIX + "advance.";

    /** The rules in force on {@code date}, or null when the pack has no case payment; refused when a value is missing. */
    public static CaseAdvanceRules of(PolicyPack pack, LocalDate date) {
        if (!CasePaymentRules.defined(pack)) return null;
        List<Problem> problems = new ArrayList<>();
        CaseAdvanceRules rules = compile(pack, date, problems);
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return rules;
    }

    /** As {@link #of}, adding what is wrong to {@code problems} (for the pack's check) instead of throwing. */
    static CaseAdvanceRules compile(PolicyPack pack, LocalDate date, List<Problem> problems) {
        ValuesOnDay r = new ValuesOnDay(pack, date, problems, "the case payment advances");
        Ratio share = r.ratio(PREFIX + "share");
        Dated value = r.dated(PREFIX + "dip_point_value");
        if (share == null || value == null) return null;
        long fen = (Long) value.value();
        return new CaseAdvanceRules(share, new Amount(fen, r.cite(PREFIX + "dip_point_value", value, Money.format(fen))));
    }
}
