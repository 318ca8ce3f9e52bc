package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.Databases;
import org.openyibao.platform.web.ApiException;

/**
 * Posts balanced journal entries and keeps account balances (Σ debits − Σ credits) and the
 * individual-account sub-ledger in the same transaction. Callers hold the transaction: a settlement,
 * its accumulators and its entry commit together or not at all. Entries are never changed;
 * {@link #reverse} posts the mirror entry. Entries dated in a year the region has closed
 * ({@link YearEndClose}) are refused. {@link LedgerCheck} re-derives everything kept here.
 *
 * <p>Account balances are hot rows: every settlement of a region moves its pooling fund's {@code benefits} and
 * {@code payable_institutions}. A row lock is held until commit, so the balance updates of a transaction are
 * collected and applied once, in account-id order, just before it commits ({@link Pending#beforeCommit}): the
 * lock is then held for that statement and the commit, not for the rest of the caller's transaction (a
 * settlement's inserts, the interface's reply). The closed-year refusal is checked once those rows are locked. Reads through this class ({@link #balance}, {@link #accounts})
 * apply the transaction's pending updates first, so the transaction sees its own postings.
 */
@Component
public class Ledger {
    private final JdbcTemplate jdbc;
    private final Map<String, Long> accountIds = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the region's chart of accounts (idempotent). */
    public void openRegion(String admdvs) {
        for (Accounts.Fund f : Accounts.Fund.values()) {
            for (Accounts.Template t : Accounts.templates(f)) {
                String code = Accounts.code(admdvs, f.account(t.name()));
                Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account WHERE code = ?", Integer.class, code);
                if (n == 0) {
                    jdbc.update("INSERT INTO ledger_account (code, admdvs, fund, kind, name) VALUES (?, ?, ?, ?, ?)",
                            code, admdvs, f.key, t.kind(), f.title + ": " + t.title());
                }
            }
        }
    }

    /**
     * Posts the entry and its individual-account movements; returns its id. Must run inside the
     * caller's transaction (asserted): a refusal (an account holding too little here, a closed year
     * when the transaction commits) throws and the transaction's rollback leaves nothing behind.
     */
    public long post(JournalEntry e) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Ledger.post must run inside a transaction (entry for " + e.causeType() + " "
                    + e.causeRef() + ")");
        }
        Map<Long, Long> delta = new HashMap<>();
        List<long[]> lines = new ArrayList<>(); // account id, debit, credit
        for (Posting p : e.postings()) {
            long account = accountId(p.accountCode());
            lines.add(new long[] {account, p.debitFen(), p.creditFen()});
            delta.merge(account, p.debitFen() - p.creditFen(), Long::sum);
        }
        long id = postgres() && !lines.isEmpty() ? insertWithLines(e, lines) : insertThenLines(e, lines);
        // the balances are updated just before commit, in account-id order (see the class comment)
        if (!TransactionSynchronizationManager.isSynchronizationActive()) { // a transaction without synchronization
            Pending now = new Pending();
            now.deltas.putAll(delta);
            now.apply();
            applyMovements(id, e.movements());
            refuseClosedYear(e.admdvs(), e.date(), Set.of());
            return id;
        }
        Pending pending = pending();
        delta.forEach((account, fen) -> pending.deltas.merge(account, fen, Long::sum));
        pending.entries.add(id);
        pending.dates.putIfAbsent(e.admdvs() + ":" + e.date().getYear(), e.date());
        applyMovements(id, e.movements());
        // a closed year is refused at commit, once this transaction holds the account rows (one query, not two)
        return id;
    }

    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (admdvs, entry_date, cause_type, cause_ref,"
            + " description, reverses_entry_id) VALUES (?, ?, ?, ?, ?, ?)";

    /** PostgreSQL: the entry and its lines in one statement (a data-modifying WITH); its id. */
    private long insertWithLines(JournalEntry e, List<long[]> lines) {
        StringBuilder values = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(e.admdvs(), e.date(), e.causeType(), e.causeRef(), e.description()));
        args.add(e.reversesEntryId());
        for (int i = 0; i < lines.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT))");
            long[] l = lines.get(i);
            args.addAll(List.of(i + 1, l[0], l[1], l[2]));
        }
        return jdbc.queryForObject("WITH entry AS (" + INSERT_ENTRY + " RETURNING id), line AS (INSERT INTO journal_line"
                + " (entry_id, line_no, account_id, debit_fen, credit_fen) SELECT entry.id, v.n, v.account, v.debit, v.credit"
                + " FROM entry, (VALUES " + values + ") AS v (n, account, debit, credit)) SELECT id FROM entry", Long.class,
                args.toArray());
    }

    /** H2: the entry (its generated id), then its lines in one batch. */
    private long insertThenLines(JournalEntry e, List<long[]> lines) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT_ENTRY, new String[] {"id"});
            ps.setString(1, e.admdvs());
            ps.setObject(2, e.date());
            ps.setString(3, e.causeType());
            ps.setString(4, e.causeRef());
            ps.setString(5, e.description());
            ps.setObject(6, e.reversesEntryId());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) rows.add(new Object[] {id, i + 1, lines.get(i)[0], lines.get(i)[1], lines.get(i)[2]});
        jdbc.batchUpdate("INSERT INTO journal_line (entry_id, line_no, account_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)",
                rows);
        return id;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = Databases.postgres(jdbc);
            postgres = p;
        }
        return p;
    }

    /**
     * Refuses a posting dated in a year the region has closed by a closing entry other than one of {@code ours}
     * (a closing entry may close its own year).
     */
    private void refuseClosedYear(String admdvs, LocalDate date, Set<Long> ours) {
        int year = date.getYear();
        closingEntry(admdvs, year).filter(closing -> !ours.contains(closing)).ifPresent(closing -> {
            throw ApiException.conflict("date", "date: " + date + " is in " + year + ", which region " + admdvs
                    + " has closed (closing entry " + closing + "); date the entry in an open year");
        });
    }

    /**
     * This transaction's balance updates not yet applied: account id → Σ debits − Σ credits, and what was posted.
     * Registered as the transaction's synchronization (so it follows the transaction through suspension).
     */
    private final class Pending implements TransactionSynchronization {
        final Map<Long, Long> deltas = new TreeMap<>();
        final Set<Long> entries = new HashSet<>();
        final Map<String, LocalDate> dates = new LinkedHashMap<>(); // "admdvs:year" → a date posted in it

        Ledger ledger() {
            return Ledger.this;
        }

        /** Applies the updates in account-id order (concurrent postings never deadlock): one batch. */
        void apply() {
            List<Object[]> rows = new ArrayList<>();
            deltas.forEach((account, fen) -> {
                if (fen != 0) rows.add(new Object[] {fen, account});
            });
            deltas.clear();
            if (!rows.isEmpty()) jdbc.batchUpdate("UPDATE ledger_account SET balance_fen = balance_fen + ? WHERE id = ?", rows);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            apply();
            // Checked once this transaction holds the account rows: YearEndClose locks every account of the
            // region before it sums the year, so either it has committed (and we see its row here) or it waits
            // for us and sums these entries too.
            dates.forEach((key, date) -> refuseClosedYear(key.substring(0, key.indexOf(':')), date, entries));
        }
    }

    /** The current transaction's pending updates of this ledger, registered on first use. */
    private Pending pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.ledger() == this) return p;
        }
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /** Applies the current transaction's pending balance updates, if any (before reading balances). */
    private void flushPending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.ledger() == this) p.apply();
        }
    }

    /**
     * Posts the mirror of entry {@code entryId} (debits and credits swapped); returns the new entry's id.
     * The journal only: a caller that keeps the individual-account sub-ledger itself restores it itself
     * (see {@link #reverseWithIndividualAccounts}, which mirrors it too). An entry is reversed at most once;
     * a closing entry never.
     */
    public long reverse(long entryId, LocalDate date, String causeType, String causeRef, String description) {
        return post(mirror(entryId, date, causeType, causeRef, description, false));
    }

    /** As {@link #reverse}, and the entry's individual-account movements are mirrored too (refused if spent since). */
    public long reverseWithIndividualAccounts(long entryId, LocalDate date, String causeType, String causeRef,
                                              String description) {
        return post(mirror(entryId, date, causeType, causeRef, description, true));
    }

    private JournalEntry mirror(long entryId, LocalDate date, String causeType, String causeRef, String description,
                                boolean movements) {
        List<Map<String, Object>> head = jdbc.queryForList("SELECT admdvs, cause_type FROM journal_entry WHERE id = ?", entryId);
        if (head.isEmpty()) throw ApiException.notFound("entry_id", "entry_id: no journal entry " + entryId);
        if ("closing".equals(head.get(0).get("cause_type"))) {
            throw ApiException.conflict("entry_id", "entry_id: " + entryId
                    + " is a year-end closing entry; it is never reversed");
        }
        List<Long> earlier = jdbc.queryForList("SELECT id FROM journal_entry WHERE reverses_entry_id = ?", Long.class, entryId);
        if (!earlier.isEmpty()) {
            throw ApiException.conflict("entry_id", "entry_id: " + entryId + " is already reversed by entry " + earlier.get(0));
        }
        List<Posting> mirrored = jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l"
                        + " JOIN ledger_account a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no",
                (rs, i) -> new Posting(rs.getString(1), rs.getLong(3), rs.getLong(2)), entryId);
        List<IndividualAccountMovement> back = !movements ? List.of() : jdbc.query(
                "SELECT person_id, amount_fen FROM individual_account_movement WHERE entry_id = ? ORDER BY id",
                (rs, i) -> new IndividualAccountMovement(rs.getLong(1), -rs.getLong(2)), entryId);
        return new JournalEntry(((String) head.get(0).get("admdvs")).trim(), date, causeType, causeRef, description, entryId,
                mirrored, back);
    }

    /**
     * Moves money between two funds of a region: Dr from:transfers_out, Cr from:bank; Dr to:bank,
     * Cr to:transfers_in (each fund stays self-balancing). Returns the entry id.
     */
    public long transfer(String admdvs, LocalDate date, Accounts.Fund from, Accounts.Fund to, long fen, String causeRef,
                         String description) {
        if (from == to) throw ApiException.badRequest("to_fund", "to_fund: must differ from from_fund");
        if (fen <= 0) throw ApiException.badRequest("amount", "amount: must be positive");
        return post(JournalEntry.builder(admdvs, date, "transfer", causeRef, description)
                .move(from.account("transfers_out"), from.account("bank"), fen)
                .move(to.account("bank"), to.account("transfers_in"), fen)
                .build());
    }

    /** Σ debits − Σ credits of the account. */
    public long balance(String code) {
        flushPending();
        List<Long> b = jdbc.queryForList("SELECT balance_fen FROM ledger_account WHERE code = ?", Long.class, code);
        return b.isEmpty() ? 0 : b.get(0);
    }

    /** The person's individual-account balance (0 when there is no account yet). */
    public long individualAccount(long personId) {
        List<Long> b = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class, personId);
        return b.isEmpty() ? 0 : b.get(0);
    }

    /** One account of the chart with its balance. */
    public record AccountBalance(String code, String fund, String account, String kind, String name, long balanceFen) {
        public BigDecimal balance() {
            return Money.yuan(balanceFen);
        }
    }

    /** The region's chart of accounts with balances, in fund then chart order. */
    public List<AccountBalance> accounts(String admdvs) {
        flushPending();
        return jdbc.query("SELECT code, fund, kind, name, balance_fen FROM ledger_account WHERE admdvs = ? ORDER BY id",
                (rs, i) -> {
                    String code = rs.getString(1);
                    return new AccountBalance(code, rs.getString(2), code.substring(code.lastIndexOf(':') + 1), rs.getString(3),
                            rs.getString(4), rs.getLong(5));
                }, admdvs);
    }

    /** The closing entry of the region's year, if the year is closed. */
    public Optional<Long> closingEntry(String admdvs, int year) {
        List<Long> id = jdbc.queryForList("SELECT entry_id FROM fund_year_close WHERE admdvs = ? AND fiscal_year = ?",
                Long.class, admdvs, year);
        return id.isEmpty() ? Optional.empty() : Optional.of(id.get(0));
    }

    private void applyMovements(long entryId, List<IndividualAccountMovement> movements) {
        if (movements.isEmpty()) return;
        Map<Long, Long> perPerson = new TreeMap<>(); // person order: no deadlocks between postings
        for (IndividualAccountMovement m : movements) perPerson.merge(m.personId(), m.amountFen(), Long::sum);
        perPerson.forEach((person, fen) -> {
            int updated = fen >= 0
                    ? jdbc.update("UPDATE individual_account SET balance_fen = balance_fen + ? WHERE person_id = ?", fen, person)
                    : jdbc.update("UPDATE individual_account SET balance_fen = balance_fen + ? WHERE person_id = ?"
                    + " AND balance_fen >= ?", fen, person, -fen);
            if (updated == 0) {
                if (fen < 0) {
                    throw ApiException.conflict("individual_account", "individual_account: person " + person + " holds "
                            + Money.format(individualAccount(person)) + ", less than the " + Money.format(-fen) + " to spend");
                }
                jdbc.update("INSERT INTO individual_account (person_id, balance_fen) VALUES (?, ?)", person, fen);
            }
        });
        List<Object[]> rows = new ArrayList<>();
        for (IndividualAccountMovement m : movements) rows.add(new Object[] {m.personId(), entryId, m.amountFen()});
        jdbc.batchUpdate("INSERT INTO individual_account_movement (person_id, entry_id, amount_fen) VALUES (?, ?, ?)", rows);
    }

    private long accountId(String code) {
        Long id = accountIds.get(code);
        if (id != null) return id;
        List<Long> ids = jdbc.queryForList("SELECT id FROM ledger_account WHERE code = ?", Long.class, code);
        if (ids.isEmpty()) throw new IllegalArgumentException("no ledger account " + code);
        accountIds.put(code, ids.get(0));
        return ids.get(0);
    }
}
