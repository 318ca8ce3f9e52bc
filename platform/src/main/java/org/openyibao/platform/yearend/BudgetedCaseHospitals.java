package org.openyibao.platform.yearend;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.hospital.InstitutionYearEnds;

/**
 * An institution with a global budget for the year whose case-paid (DRG/DIP) settlements were advanced by the payment
 * runs more than it was prepaid (DECISION, docs/decisions.md#case-year-end): the budget's year-end sets the case
 * advances against the prepayments (the case year-end counts them as paid), and cannot when they exceed them, so the
 * year is not closed until the prepayments or the budget are sorted out. Any other budgeted institution with case-paid
 * cases is settled: the case year-end settles its cases, the budget's year-end the rest.
 */
public final class BudgetedCaseHospitals implements UnfinishedWork {
    private final JdbcTemplate jdbc;

    public BudgetedCaseHospitals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "institutions with a global budget whose case advances exceed their prepayments";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> out = new ArrayList<>();
        for (String code : jdbc.queryForList("SELECT institution_code FROM institution_budget WHERE admdvs = ? AND budget_year = ?"
                + " ORDER BY institution_code", String.class, admdvs, year)) {
            long advanced = InstitutionYearEnds.caseAdvanced(jdbc, admdvs, code, year);
            if (advanced == 0) continue;
            long prepaid = jdbc.queryForObject("SELECT COALESCE(SUM(paid_fen), 0) FROM institution_prepayment WHERE admdvs = ?"
                    + " AND institution_code = ? AND period LIKE ?", Long.class, admdvs, code, year + "-%");
            if (advanced > prepaid) {
                out.add(code + ": its case advances of " + year + " (" + Money.format(advanced) + ") exceed its prepayments ("
                        + Money.format(prepaid) + "); its budget's year-end cannot set them off (docs/decisions.md#case-year-end)");
            }
        }
        return out;
    }
}
