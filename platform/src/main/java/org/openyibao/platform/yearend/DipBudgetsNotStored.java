package org.openyibao.platform.yearend;

import java.util.List;

import org.openyibao.platform.casepayment.CaseYearEndEntries;

/**
 * A DIP year whose pool has points but no budget stored by the agency (DipBudgets): its point value, and so every DIP
 * hospital's final, cannot be worked out, so the case year-end cannot be posted.
 */
public final class DipBudgetsNotStored implements UnfinishedWork {
    private final CaseYearEndEntries cases;

    public DipBudgetsNotStored(CaseYearEndEntries cases) {
        this.cases = cases;
    }

    @Override
    public String what() {
        return "DIP budgets not stored";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        return cases.budgetsMissing(admdvs, year);
    }
}
