package org.openyibao.platform.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.registry.Institution;

/**
 * A region's settled (not cancelled) settlements of one year by institution level, by kind of visit, and the
 * institutions with the largest total cost. One pass over the year's settlements (grouped by institution, level and
 * kind in the database), rolled up here: three panels for the price of one scan.
 */
@Service
public class SettlementMix {
    static final int TOP = 10;
    private final JdbcTemplate jdbc;

    public SettlementMix(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A group's count, total cost and fund-paid amount, in fen. */
    public record Totals(String key, String name, long count, long costFen, long fundFen) {
        Totals plus(long n, long cost, long fund) {
            return new Totals(key, name, count + n, costFen + cost, fundFen + fund);
        }
    }

    /** The year's settlements by level, by kind of visit, the largest institutions by cost, and the whole. */
    public record Mix(List<Totals> byLevel, List<Totals> byVisitType, List<Totals> topInstitutions, Totals all) {}

    private static int levelOrder(String level) {
        int i = java.util.Arrays.asList(Institution.LEVELS).indexOf(level);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    public Mix of(String admdvs, int year) {
        // levels from the village station up (the registry's order), kinds of visit by name
        Map<String, Totals> levels = new TreeMap<>(Comparator.comparingInt(SettlementMix::levelOrder).thenComparing(l -> l));
        Map<String, Totals> types = new TreeMap<>(), institutions = new LinkedHashMap<>();
        Totals[] all = {new Totals("all", null, 0, 0, 0)};
        jdbc.query("SELECT s.institution_code, i.name, COALESCE(s.level, i.level), s.visit_type, COUNT(*),"
                + " SUM(s.medfee_sumamt), SUM(s.fund_pay_sumamt) FROM settlement s JOIN institution i ON i.code = s.institution_code"
                + " WHERE s.admdvs = ? AND s.visit_date >= ? AND s.visit_date < ? AND s.status = 'settled'"
                + " GROUP BY s.institution_code, i.name, COALESCE(s.level, i.level), s.visit_type", rs -> {
            String code = rs.getString(1), name = rs.getString(2), level = rs.getString(3), type = rs.getString(4);
            long n = rs.getLong(5), cost = rs.getLong(6), fund = rs.getLong(7);
            levels.merge(level, new Totals(level, null, n, cost, fund), (a, b) -> a.plus(n, cost, fund));
            types.merge(type, new Totals(type, null, n, cost, fund), (a, b) -> a.plus(n, cost, fund));
            institutions.merge(code, new Totals(code, name, n, cost, fund), (a, b) -> a.plus(n, cost, fund));
            all[0] = all[0].plus(n, cost, fund);
        }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        List<Totals> top = new ArrayList<>(institutions.values());
        top.sort(Comparator.comparingLong(Totals::costFen).reversed().thenComparing(Totals::key));
        return new Mix(List.copyOf(levels.values()), List.copyOf(types.values()), List.copyOf(top.subList(0, Math.min(TOP, top.size()))),
                all[0]);
    }
}
