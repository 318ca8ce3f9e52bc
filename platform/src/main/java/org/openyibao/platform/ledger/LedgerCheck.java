package org.openyibao.platform.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;

/**
 * Re-derives the ledger from its journal and says whether every invariant holds (TigerBeetle style:
 * checked, not hoped for). Read-only, in one repeatable-read transaction so a running server's
 * postings never show up half-done. The rules, in the order the first violation is reported:
 * <ol>
 *   <li>{@code entry-balanced}: every entry's debits equal its credits;</li>
 *   <li>{@code account-balance}: every account's balance_fen = Σ its lines' debits − credits;</li>
 *   <li>{@code individual-account}: no individual account is negative, now or after any of its movements;
 *       each equals the sum of its movements; each entry's movements equal its net credit to the region's
 *       individual_accounts:holders; per region, Σ movements = − holders balance, and in all
 *       Σ individual_account.balance_fen = − Σ holders balances;</li>
 *   <li>{@code entry-lines}: every entry has at least two lines;</li>
 *   <li>{@code fund-balanced}: within every entry each fund's lines balance (fund accounting: every fund is a
 *       self-balancing set of accounts, so its net assets always equal its equity);</li>
 *   <li>{@code entry-region}: every line's account belongs to the entry's region;</li>
 *   <li>{@code closed-year}: no entry dated in a closed year was posted after the year's closing entry;</li>
 *   <li>{@code reversed-once}: no entry is reversed twice.</li>
 * </ol>
 * Each query lists at most {@value #LIMIT} violations of its rule.
 */
@Service
public class LedgerCheck {
    static final int LIMIT = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public LedgerCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        DataSource ds = jdbc.getDataSource();
        this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(ds));
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** One broken invariant: the rule's name, what it concerns (entry 12, account code, person 7) and why. */
    public record Violation(String rule, String subject, String message) {
        @Override
        public String toString() {
            return rule + ": " + message;
        }
    }

    /** What was checked: counts and totals, plus every violation found (the first one first). */
    public record Result(long entries, long lines, long accounts, long regions, long debitsFen, long creditsFen,
                         long individualAccounts, long individualAccountsFen, long holdersFen, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }

        public Violation first() {
            return violations.isEmpty() ? null : violations.get(0);
        }

        /** The summary as lines of text (the CLI prints these). */
        public List<String> summary() {
            List<String> out = new ArrayList<>();
            out.add(String.format("entries              %d", entries));
            out.add(String.format("lines                %d", lines));
            out.add(String.format("accounts             %d in %d region%s", accounts, regions, regions == 1 ? "" : "s"));
            out.add(String.format("debits               %s = credits %s", Money.format(debitsFen), Money.format(creditsFen)));
            out.add(String.format("individual accounts  %d holding %s; holders' accounts owe %s", individualAccounts,
                    Money.format(individualAccountsFen), Money.format(holdersFen)));
            out.add("rules                " + String.join(", ", RULES));
            return out;
        }
    }

    public static final List<String> RULES = List.of("entry-balanced", "account-balance", "individual-account", "entry-lines",
            "fund-balanced", "entry-region", "closed-year", "reversed-once");

    public Result run() {
        return snapshot.execute(s -> check());
    }

    private Result check() {
        List<Violation> v = new ArrayList<>();

        // (a) debits = credits per entry
        jdbc.query("SELECT entry_id, SUM(debit_fen), SUM(credit_fen) FROM journal_line GROUP BY entry_id"
                + " HAVING SUM(debit_fen) <> SUM(credit_fen) ORDER BY entry_id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("entry-balanced", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + ": debits "
                    + Money.format(rs.getLong(2)) + " ≠ credits " + Money.format(rs.getLong(3))));
        });

        // (b) stored balance = Σ lines
        jdbc.query("SELECT a.code, a.balance_fen, COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM ledger_account a"
                + " LEFT JOIN journal_line l ON l.account_id = a.id GROUP BY a.id, a.code, a.balance_fen"
                + " HAVING a.balance_fen <> COALESCE(SUM(l.debit_fen - l.credit_fen), 0) ORDER BY a.id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("account-balance", rs.getString(1), "account " + rs.getString(1) + ": balance_fen "
                    + rs.getLong(2) + " but its lines sum to " + rs.getLong(3) + " (debits − credits)"));
        });

        // (c) the individual-account sub-ledger
        jdbc.query("SELECT person_id, balance_fen FROM individual_account WHERE balance_fen < 0 ORDER BY person_id LIMIT "
                + LIMIT, rs -> {
            v.add(new Violation("individual-account", "person " + rs.getLong(1), "individual account of person "
                    + rs.getLong(1) + " is negative: " + Money.format(rs.getLong(2))));
        });
        jdbc.query("SELECT person_id, id, running FROM (SELECT person_id, id, SUM(amount_fen) OVER (PARTITION BY person_id"
                + " ORDER BY id) AS running FROM individual_account_movement) t WHERE running < 0 ORDER BY person_id, id LIMIT "
                + LIMIT, rs -> {
            v.add(new Violation("individual-account", "person " + rs.getLong(1), "individual account of person "
                    + rs.getLong(1) + " went negative (" + Money.format(rs.getLong(3)) + ") after movement " + rs.getLong(2)));
        });
        jdbc.query("SELECT ia.person_id, ia.balance_fen, COALESCE(SUM(m.amount_fen), 0) FROM individual_account ia"
                + " LEFT JOIN individual_account_movement m ON m.person_id = ia.person_id GROUP BY ia.person_id, ia.balance_fen"
                + " HAVING ia.balance_fen <> COALESCE(SUM(m.amount_fen), 0) ORDER BY ia.person_id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("individual-account", "person " + rs.getLong(1), "individual account of person "
                    + rs.getLong(1) + ": balance_fen " + rs.getLong(2) + " but its movements sum to " + rs.getLong(3)));
        });
        // movement +x goes with a credit of x to holders: movements + (debits − credits) on holders = 0 per entry
        jdbc.query("SELECT entry_id, SUM(x) FROM (SELECT entry_id, amount_fen AS x FROM individual_account_movement"
                + " UNION ALL SELECT l.entry_id, l.debit_fen - l.credit_fen FROM journal_line l JOIN ledger_account a"
                + " ON a.id = l.account_id WHERE a.fund = 'individual_accounts' AND a.code LIKE '%:holders') t"
                + " GROUP BY entry_id HAVING SUM(x) <> 0 ORDER BY entry_id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("individual-account", "entry " + rs.getLong(1), "entry " + rs.getLong(1)
                    + ": its individual-account movements differ from its net credit to individual_accounts:holders by "
                    + Money.format(rs.getLong(2))));
        });
        Map<String, Long> holders = new LinkedHashMap<>();
        jdbc.query("SELECT admdvs, balance_fen FROM ledger_account WHERE fund = 'individual_accounts' AND code LIKE '%:holders'"
                + " ORDER BY admdvs", rs -> {
            holders.put(rs.getString(1).trim(), -rs.getLong(2));
        });
        Map<String, Long> moved = new LinkedHashMap<>();
        jdbc.query("SELECT e.admdvs, SUM(m.amount_fen) FROM individual_account_movement m JOIN journal_entry e"
                + " ON e.id = m.entry_id GROUP BY e.admdvs", rs -> {
            moved.put(rs.getString(1).trim(), rs.getLong(2));
        });
        for (String region : union(holders, moved)) {
            long owed = holders.getOrDefault(region, 0L), sum = moved.getOrDefault(region, 0L);
            if (owed != sum) {
                v.add(new Violation("individual-account", region, "region " + region + ": its individual accounts' movements"
                        + " sum to " + Money.format(sum) + " but " + region + ":" + Accounts.HOLDERS + " owes "
                        + Money.format(owed)));
            }
        }
        long accountsFen = jdbc.queryForObject("SELECT COALESCE(SUM(balance_fen), 0) FROM individual_account", Long.class);
        long holdersFen = holders.values().stream().mapToLong(Long::longValue).sum();
        if (accountsFen != holdersFen) {
            v.add(new Violation("individual-account", "individual_account", "the individual accounts hold "
                    + Money.format(accountsFen) + " in all but the holders' accounts owe " + Money.format(holdersFen)));
        }

        // (d) at least two lines
        jdbc.query("SELECT e.id, COUNT(l.line_no) FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id"
                + " GROUP BY e.id HAVING COUNT(l.line_no) < 2 ORDER BY e.id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("entry-lines", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + " has " + rs.getLong(2)
                    + " line" + (rs.getLong(2) == 1 ? "" : "s") + "; every entry has at least two"));
        });

        // (e) each fund balances within each entry
        jdbc.query("SELECT l.entry_id, a.fund, SUM(l.debit_fen - l.credit_fen) FROM journal_line l JOIN ledger_account a"
                + " ON a.id = l.account_id GROUP BY l.entry_id, a.fund HAVING SUM(l.debit_fen - l.credit_fen) <> 0"
                + " ORDER BY l.entry_id, a.fund LIMIT " + LIMIT, rs -> {
            v.add(new Violation("fund-balanced", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + ": the " + rs.getString(2)
                    + " fund's lines do not balance (debits − credits = " + Money.format(rs.getLong(3)) + ")"));
        });

        // (f) one region per entry
        jdbc.query("SELECT l.entry_id, a.code, e.admdvs FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                + " JOIN ledger_account a ON a.id = l.account_id WHERE a.admdvs <> e.admdvs ORDER BY l.entry_id LIMIT " + LIMIT,
                rs -> {
                    v.add(new Violation("entry-region", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + " of region "
                            + rs.getString(3).trim() + " posts to " + rs.getString(2)));
                });

        // (g) nothing posted into a closed year after its close
        jdbc.query("SELECT e.id, e.entry_date, c.fiscal_year, c.entry_id FROM journal_entry e JOIN fund_year_close c"
                + " ON c.admdvs = e.admdvs AND EXTRACT(YEAR FROM e.entry_date) = c.fiscal_year WHERE e.id > c.entry_id"
                + " ORDER BY e.id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("closed-year", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + " is dated "
                    + rs.getObject(2) + " in " + rs.getInt(3) + ", closed by entry " + rs.getLong(4) + " before it was posted"));
        });

        // (h) reversed at most once
        jdbc.query("SELECT reverses_entry_id, COUNT(*) FROM journal_entry WHERE reverses_entry_id IS NOT NULL"
                + " GROUP BY reverses_entry_id HAVING COUNT(*) > 1 ORDER BY reverses_entry_id LIMIT " + LIMIT, rs -> {
            v.add(new Violation("reversed-once", "entry " + rs.getLong(1), "entry " + rs.getLong(1) + " is reversed "
                    + rs.getLong(2) + " times"));
        });

        Map<String, Object> totals = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(debit_fen), 0) AS d,"
                + " COALESCE(SUM(credit_fen), 0) AS c FROM journal_line");
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
        long accounts = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account", Long.class);
        long regions = jdbc.queryForObject("SELECT COUNT(DISTINCT admdvs) FROM ledger_account", Long.class);
        long individual = jdbc.queryForObject("SELECT COUNT(*) FROM individual_account", Long.class);
        return new Result(entries, ((Number) totals.get("n")).longValue(), accounts, regions,
                ((Number) totals.get("d")).longValue(), ((Number) totals.get("c")).longValue(), individual, accountsFen,
                holdersFen, List.copyOf(v));
    }

    private static List<String> union(Map<String, Long> a, Map<String, Long> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!keys.contains(k)) keys.add(k);
        return keys;
    }
}
