package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Visits of the year at the region's institutions not settled (national interface 2201/2401 without 2207/2304): an
 * outpatient or pharmacy visit still open, or a stay discharged (2402) without its settlement: their money is not on
 * the ledger yet. A patient still in hospital does not hold the year back: the stay is settled, and counted, in the year
 * of its discharge (DECISION, docs/year-end.md#what-it-refuses-an-unfinished-year). At most 50 are listed, then a count.
 */
public final class UnsettledVisits implements UnfinishedWork {
    static final int LISTED = 50;
    private final JdbcTemplate jdbc;

    public UnsettledVisits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "visits not settled";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> lines = new java.util.ArrayList<>(jdbc.query("SELECT v.mdtrt_id, v.fixmedins_code, v.kind, v.status,"
                        + " CAST(v.begntime AS DATE) FROM fsi_visit v JOIN institution i ON i.code = v.fixmedins_code"
                        + " WHERE i.admdvs = ? AND (v.status = 'discharged' OR (v.status = 'open' AND v.kind <> 'inpatient'))"
                        + " AND v.begntime >= ? AND v.begntime < ? ORDER BY v.begntime, v.mdtrt_id FETCH FIRST " + LISTED + " ROWS ONLY",
                (rs, i) -> "visit " + rs.getString(1) + " (" + rs.getString(3) + " at " + rs.getString(2) + ", from "
                        + rs.getDate(5) + ") is " + rs.getString(4) + ", not settled",
                admdvs, LocalDate.of(year, 1, 1).atStartOfDay(), LocalDate.of(year + 1, 1, 1).atStartOfDay()));
        if (lines.size() == LISTED) {
            Integer all = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_visit v JOIN institution i ON i.code = v.fixmedins_code"
                    + " WHERE i.admdvs = ? AND (v.status = 'discharged' OR (v.status = 'open' AND v.kind <> 'inpatient'))"
                    + " AND v.begntime >= ? AND v.begntime < ?",
                    Integer.class, admdvs, LocalDate.of(year, 1, 1).atStartOfDay(), LocalDate.of(year + 1, 1, 1).atStartOfDay());
            if (all > LISTED) lines.add("… and " + (all - LISTED) + " more visits not settled");
        }
        return lines;
    }
}
