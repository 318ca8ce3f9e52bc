package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The year's DRG/DIP special cases (特例单议) settled in the year and still waiting for the agency's review
 * (casepayment.CaseReviews): the year's case payments are not final until they are decided.
 */
public final class SpecialCasesNotDecided implements UnfinishedWork {
    private final JdbcTemplate jdbc;

    public SpecialCasesNotDecided(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "special cases not reviewed";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> all = jdbc.queryForList("SELECT mdtrt_id, institution_code, group_code FROM discharged_case WHERE admdvs = ?"
                        + " AND review_status = 'pending' AND status = 'settled' AND settled_on >= ? AND settled_on <= ?"
                        + " ORDER BY settled_on, mdtrt_id", admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(r -> "case " + r.get("mdtrt_id") + " of " + r.get("institution_code") + " (group " + r.get("group_code")
                        + ") waits for special review (/console/case-payment)").toList();
        if (all.size() <= CasesNotDecided.LISTED) return all;
        List<String> shown = new ArrayList<>(all.subList(0, CasesNotDecided.LISTED));
        shown.add("… and " + (all.size() - CasesNotDecided.LISTED) + " more special cases waiting (/console/case-payment)");
        return shown;
    }
}
