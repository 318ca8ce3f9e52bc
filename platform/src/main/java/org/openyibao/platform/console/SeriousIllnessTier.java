package org.openyibao.platform.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.registry.Person;

/**
 * The serious-illness tier (大病保险) of one region, as its insurer reads it: by month, the cases the serious-illness
 * fund paid (settled settlements with hifmi_pay above zero, cancelled ones not counted) and the amounts; the largest
 * cases; whether a settlement is the region's. Every read takes the region: the insurer's binding, never a parameter
 * of the page.
 */
@Service
public class SeriousIllnessTier {
    static final int LARGEST = 20;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SeriousIllnessTier(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One month: cases, their total cost and what the serious-illness fund paid, in fen. */
    public record Month(String month, long cases, long costFen, long paidFen) {}

    /** One case: the settlement, the person (to be shown as the role may see them), where, and the amounts in fen. */
    public record Case(String setlId, LocalDate date, Person person, String institution, String visitType, long costFen, long paidFen) {}

    /** The latest year with a serious-illness payment in the region, or this year. */
    public int latestYear(String admdvs) {
        LocalDate last = jdbc.queryForObject("SELECT MAX(visit_date) FROM settlement WHERE admdvs = ? AND hifmi_pay > 0"
                + " AND status = 'settled'", LocalDate.class, admdvs);
        return last != null ? last.getYear() : LocalDate.now(clock).getYear();
    }

    /** The twelve months of {@code year}, months without a case included, and the year as a thirteenth row's sums. */
    public List<Month> months(String admdvs, int year) {
        long[][] m = new long[12][3];
        jdbc.query("SELECT EXTRACT(MONTH FROM visit_date), COUNT(*), SUM(medfee_sumamt), SUM(hifmi_pay) FROM settlement"
                + " WHERE admdvs = ? AND visit_date >= ? AND visit_date < ? AND status = 'settled' AND hifmi_pay > 0"
                + " GROUP BY EXTRACT(MONTH FROM visit_date)", rs -> {
            long[] row = m[rs.getInt(1) - 1];
            row[0] = rs.getLong(2);
            row[1] = rs.getLong(3);
            row[2] = rs.getLong(4);
        }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        List<Month> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) out.add(new Month(String.format("%d-%02d", year, i + 1), m[i][0], m[i][1], m[i][2]));
        return out;
    }

    /** The whole year: the sum of its months. */
    public static Month year(int year, List<Month> months) {
        long cases = 0, cost = 0, paid = 0;
        for (Month m : months) {
            cases += m.cases();
            cost += m.costFen();
            paid += m.paidFen();
        }
        return new Month(String.valueOf(year), cases, cost, paid);
    }

    /** The year's largest cases by the serious-illness fund's payment, largest first. */
    public List<Case> largest(String admdvs, int year) {
        return jdbc.query("SELECT s.setl_id, s.visit_date, p.id, p.psn_no, p.cert_no, p.name, p.gender, p.birth_date, p.admdvs,"
                + " i.name, s.visit_type, s.medfee_sumamt, s.hifmi_pay FROM settlement s JOIN person p ON p.id = s.person_id"
                + " JOIN institution i ON i.code = s.institution_code"
                + " WHERE s.admdvs = ? AND s.visit_date >= ? AND s.visit_date < ? AND s.status = 'settled' AND s.hifmi_pay > 0"
                + " ORDER BY s.hifmi_pay DESC, s.setl_id LIMIT ?", (rs, i) -> new Case(rs.getString(1), rs.getObject(2, LocalDate.class),
                new Person(rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class), null, rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13)),
                admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), LARGEST);
    }

    /** Whether the settlement {@code setlId} was made in the region {@code admdvs}. */
    public boolean inRegion(String setlId, String admdvs) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE setl_id = ? AND admdvs = ?", Integer.class, setlId, admdvs);
        return n != null && n > 0;
    }
}
