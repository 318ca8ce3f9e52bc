package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An institution with both a global budget for the year and cases paid by DRG or DIP in it
 * (DECISION, docs/decisions.md#case-year-end): the budget's year-end would count those cases' pooling spending a second
 * time after the case year-end has settled them, so the year is not closed until the budget or the cases' method is
 * sorted out.
 */
public final class BudgetedCaseHospitals implements UnfinishedWork {
    private final JdbcTemplate jdbc;

    public BudgetedCaseHospitals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "institutions with a global budget and case-paid cases";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> out = new ArrayList<>();
        jdbc.query("SELECT c.institution_code, COUNT(*) FROM discharged_case c WHERE c.admdvs = ? AND c.status = 'settled'"
                + " AND c.method IS NOT NULL AND c.payment_kind IS NOT NULL AND c.settled_on >= ? AND c.settled_on <= ?"
                + " AND EXISTS (SELECT 1 FROM institution_budget b WHERE b.admdvs = c.admdvs"
                + " AND b.institution_code = c.institution_code AND b.budget_year = ?)"
                + " GROUP BY c.institution_code ORDER BY c.institution_code", rs -> {
            out.add(rs.getString(1) + ": a global budget for " + year + " and " + rs.getLong(2) + " cases paid by DRG/DIP;"
                    + " their spending would be settled twice (docs/decisions.md#case-year-end)");
        }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year);
        return out;
    }
}
