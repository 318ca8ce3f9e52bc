package org.openyibao.platform.insurer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * The insurer's own figures of a region's year (docs/insurer.md#pages): the monthly statement of its contract (the
 * insurer_premium rows: premium due, reserve withheld, instalment paid, claims reimbursed, with the recoveries and
 * further payments of its case audit from the ledger), and the year-end "if the year ended today": the engine's
 * {@link InsurerYearEnd} on the year's premium so far and its claims, the serious-illness benefits net of recoveries.
 */
@Service
public class InsurerBooks {
    private final JdbcTemplate jdbc;
    private final PolicyPacks packs;
    private final Clock clock;

    public InsurerBooks(JdbcTemplate jdbc, PolicyPacks packs, Clock clock) {
        this.jdbc = jdbc;
        this.packs = packs;
        this.clock = clock;
    }

    /** A month of the statement, in fen. */
    public record Month(String month, long premiumFen, long reserveFen, long instalmentFen, long claimsFen, long recoveriesFen,
                        long furtherPaymentsFen) {}

    /** The year's twelve months and their sum. */
    public record Statement(int year, List<Month> months, Month total) {}

    public Statement statement(String admdvs, int year) {
        List<Month> months = new ArrayList<>();
        long[] t = new long[6];
        for (int m = 1; m <= 12; m++) {
            String period = String.format("%04d-%02d", year, m);
            LocalDate from = LocalDate.of(year, m, 1), to = from.withDayOfMonth(from.lengthOfMonth());
            long[] v = {step(admdvs, period, "premium"), step(admdvs, period, "reserve"), step(admdvs, period, "instalment"),
                    step(admdvs, period, "claims"), -audit(admdvs, "recoveries", from, to), audit(admdvs, "benefits", from, to)};
            for (int i = 0; i < 6; i++) t[i] += v[i];
            months.add(new Month(period, v[0], v[1], v[2], v[3], v[4], v[5]));
        }
        return new Statement(year, months, new Month(Integer.toString(year), t[0], t[1], t[2], t[3], t[4], t[5]));
    }

    /** The figures of the year so far and the year-end they would give under the contract in force today. */
    public record SoFar(LocalDate today, long premiumFen, long benefitsFen, long recoveriesFen, long claimsFen,
                        InsurerContract contract, YearEnd yearEnd) {}

    /** The year-end of {@code year} if it ended today (or on its last day, for a year gone by); null without a contract. */
    public SoFar ifTheYearEndedToday(String admdvs, int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        InsurerContract c = InsurerContract.of(packOf(admdvs), end);
        if (c == null) return null;
        Long premium = jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM insurer_premium WHERE admdvs = ? AND step ="
                + " 'premium' AND period LIKE ?", Long.class, admdvs, year + "-%");
        LocalDate from = LocalDate.of(year, 1, 1);
        long benefits = account(admdvs, "benefits", from, end, false);
        long recoveries = -account(admdvs, "recoveries", from, end, false);
        long claims = Math.max(0, benefits - recoveries);
        return new SoFar(end, premium, benefits, recoveries, claims, c, InsurerYearEnd.of(YearEndFigures.of(premium, claims), c));
    }

    private long step(String admdvs, String period, String step) {
        Long v = jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM insurer_premium WHERE admdvs = ? AND period = ?"
                + " AND step = ?", Long.class, admdvs, period, step);
        return v == null ? 0 : v;
    }

    private long audit(String admdvs, String account, LocalDate from, LocalDate to) {
        return account(admdvs, account, from, to, true);
    }

    /** Σ debits − Σ credits on the serious-illness fund's {@code account}, entries dated in [from, to] (the audit's only). */
    private long account(String admdvs, String account, LocalDate from, LocalDate to, boolean auditOnly) {
        Long v = jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l JOIN journal_entry e"
                + " ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id WHERE e.admdvs = ? AND a.code = ?"
                + " AND e.entry_date BETWEEN ? AND ?" + (auditOnly ? " AND e.cause_type = 'si_case'" : ""), Long.class,
                admdvs, admdvs + ":serious_illness:" + account, from, to);
        return v == null ? 0 : v;
    }

    /** The pack of the region {@code admdvs}. */
    public PolicyPack packOf(String admdvs) {
        List<Map<String, Object>> r = jdbc.queryForList("SELECT policy_pack FROM region WHERE admdvs = ?", admdvs);
        return packs.pack((String) r.get(0).get("policy_pack"));
    }
}
