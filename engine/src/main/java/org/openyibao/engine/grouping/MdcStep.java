package org.openyibao.engine.grouping;

import java.util.List;

/**
 * The major diagnostic category (CHS-DRG 1.1, §3): first the pre-MDC category, taken by procedure (a tracheostomy with
 * long ventilation outweighs any diagnosis), then the MDC of the principal diagnosis. The MDC's sex and age limits
 * (mdc.csv) are checked: a pregnancy diagnosis for a man, or a newborn diagnosis past 28 days, is ungroupable.
 */
final class MdcStep {
    /** The pre-MDC category's code in the table (CHS-DRG's MDCA). */
    static final String PRE_MDC = "A";

    private MdcStep() {}

    static Choice<DrgTable.Mdc> choose(DrgTable t, DischargedCase c, List<GroupStep> trace) {
        for (DrgTable.Adrg a : t.adrgsByMdc.getOrDefault(PRE_MDC, List.of())) {
            if (!a.procedures().isEmpty() && a.procedures().matches(c.procedures())) {
                trace.add(new GroupStep("MDC", PRE_MDC, "pre-MDC: the procedures " + a.procedures() + " of "
                        + a.code() + " (" + a.name() + ") come before the principal diagnosis"));
                return Choice.of(t.mdcs.get(PRE_MDC));
            }
        }
        String listed = t.mdcByDiagnosis.matchedCode(c.principalDiagnosis());
        if (listed == null) {
            trace.add(new GroupStep("MDC", "none", "the principal diagnosis " + c.principalDiagnosis()
                    + " is in no MDC of the table"));
            return Choice.none("unknown-principal");
        }
        DrgTable.Mdc mdc = t.mdcs.get(t.mdcByDiagnosis.find(c.principalDiagnosis()));
        if (mdc.sex() != null && c.sex() != mdc.sex()) {
            trace.add(new GroupStep("MDC", "none", "MDC " + mdc.code() + " (" + mdc.name() + ") admits sex "
                    + mdc.sex().letter + " only; the case is " + c.sex().letter));
            return Choice.none("mdc-sex-conflict");
        }
        if (mdc.maxAgeDays() >= 0 && CaseCheck.ageInDays(c) > mdc.maxAgeDays()) {
            trace.add(new GroupStep("MDC", "none", "MDC " + mdc.code() + " (" + mdc.name() + ") admits ages up to "
                    + mdc.maxAgeDays() + " days; the case is " + CaseCheck.ageInDays(c) + " days old"));
            return Choice.none("mdc-age-conflict");
        }
        trace.add(new GroupStep("MDC", mdc.code(), "the principal diagnosis " + c.principalDiagnosis()
                + " is listed under " + listed + " in MDC " + mdc.code() + " (" + mdc.name() + ")"));
        return Choice.of(mdc);
    }
}
