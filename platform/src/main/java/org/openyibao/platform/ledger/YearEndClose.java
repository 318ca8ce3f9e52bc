package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/**
 * Year-end close of a region's funds: one closing entry, dated 31 December, moves each fund's income
 * and expense balances for the year into its fund_balance (equity), and fund_year_close records it.
 * Afterwards {@link Ledger#post} refuses entries dated in that year: corrections go in an open year.
 * A year is closed once, and only once it is over.
 */
@Service
public class YearEndClose {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final Clock clock;

    @Autowired
    public YearEndClose(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger) {
        this(jdbc, tx, ledger, Clock.systemDefaultZone());
    }

    public YearEndClose(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** What one fund carried into its balance: the year's income, expenditure and their difference. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Closed(String fund, BigDecimal income, BigDecimal expenditure, BigDecimal surplus) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(String admdvs, int year, long entryId, List<Closed> funds) {}

    public Result close(String admdvs, int year) {
        return tx.execute(s -> {
            requireRegion(jdbc, admdvs);
            if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
            if (year >= LocalDate.now(clock).getYear()) {
                throw ApiException.conflict("year", "year: " + year + " is not over; only a past year can be closed");
            }
            // lock the region's accounts: a posting into this year either committed before (and is summed
            // below) or waits for us and is then refused by Ledger.post (which checks after taking its locks)
            jdbc.queryForList("SELECT id FROM ledger_account WHERE admdvs = ? ORDER BY id FOR UPDATE", Long.class, admdvs);
            ledger.closingEntry(admdvs, year).ifPresent(id -> {
                throw ApiException.conflict("year", "year: " + year + " of region " + admdvs + " is already closed (entry "
                        + id + ")");
            });
            LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year + 1, 1, 1);
            JournalEntry.Builder b = JournalEntry.builder(admdvs, LocalDate.of(year, 12, 31), "closing", admdvs + ":" + year,
                    "year-end close " + year + ": income and expenditure into each fund's balance");
            Map<String, long[]> perFund = new LinkedHashMap<>(); // fund → {income, expenditure}
            jdbc.query("SELECT a.fund, a.code, a.kind, SUM(l.debit_fen - l.credit_fen) FROM journal_line l"
                    + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                    + " WHERE e.admdvs = ? AND e.entry_date >= ? AND e.entry_date < ? AND a.kind IN ('income', 'expense')"
                    + " GROUP BY a.id, a.fund, a.code, a.kind ORDER BY a.id", rs -> {
                String fund = rs.getString(1), account = rs.getString(2).substring(admdvs.length() + 1);
                long net = rs.getLong(4); // debits − credits over the year
                String equity = fund + ":fund_balance";
                if (net < 0) b.move(account, equity, -net);
                if (net > 0) b.move(equity, account, net);
                long[] t = perFund.computeIfAbsent(fund, k -> new long[2]);
                if ("income".equals(rs.getString(3))) t[0] -= net;
                else t[1] += net;
            }, admdvs, from, to);
            if (b.isEmpty()) {
                throw ApiException.conflict("year", "year: region " + admdvs + " has no income or expenditure in " + year
                        + " to close");
            }
            long entryId = ledger.post(b.build());
            jdbc.update("INSERT INTO fund_year_close (admdvs, fiscal_year, entry_id) VALUES (?, ?, ?)", admdvs, year, entryId);
            List<Closed> funds = new ArrayList<>();
            for (Accounts.Fund f : Accounts.Fund.values()) {
                long[] t = perFund.get(f.key);
                if (t != null) funds.add(new Closed(f.key, Money.yuan(t[0]), Money.yuan(t[1]), Money.yuan(t[0] - t[1])));
            }
            return new Result(admdvs, year, entryId, funds);
        });
    }

    static void requireRegion(JdbcTemplate jdbc, String admdvs) {
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            throw ApiException.badRequest("admdvs", "admdvs: must be a 6-digit region code, got '" + admdvs + "'");
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account WHERE admdvs = ?", Integer.class, admdvs);
        if (n == 0) throw ApiException.notFound("admdvs", "admdvs: no ledger for region " + admdvs);
    }
}
