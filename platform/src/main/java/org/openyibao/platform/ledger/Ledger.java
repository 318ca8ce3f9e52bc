package org.openyibao.platform.ledger;

import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Posts balanced journal entries and keeps account balances (Σ debits − Σ credits) in the same
 * transaction. Callers hold the transaction: a settlement, its accumulators and its entry commit
 * together or not at all. Entries are never changed; {@link #reverse} posts the mirror entry.
 */
@Component
public class Ledger {
    private final JdbcTemplate jdbc;
    private final Map<String, Long> accountIds = new java.util.concurrent.ConcurrentHashMap<>();

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the region's chart of accounts (idempotent). */
    public void openRegion(String admdvs) {
        for (Accounts.Fund f : Accounts.Fund.values()) {
            for (Accounts.Template t : Accounts.TEMPLATES) {
                String code = Accounts.code(admdvs, f.account(t.name()));
                Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account WHERE code = ?", Integer.class, code);
                if (n == 0) {
                    jdbc.update("INSERT INTO ledger_account (code, admdvs, fund, kind, name) VALUES (?, ?, ?, ?, ?)",
                            code, admdvs, f.key, t.kind(), f.title + ": " + t.title());
                }
            }
        }
    }

    /** Posts the entry; returns its id. Must run inside the caller's transaction. */
    public long post(JournalEntry e) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO journal_entry (admdvs, entry_date, cause_type, cause_ref,"
                    + " description, reverses_entry_id) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, e.admdvs());
            ps.setObject(2, e.date());
            ps.setString(3, e.causeType());
            ps.setString(4, e.causeRef());
            ps.setString(5, e.description());
            ps.setObject(6, e.reversesEntryId());
            return ps;
        }, key);
        long id = key.getKey().longValue();
        Map<Long, Long> delta = new HashMap<>();
        List<Object[]> lines = new java.util.ArrayList<>();
        int n = 1;
        for (Posting p : e.postings()) {
            long account = accountId(p.accountCode());
            lines.add(new Object[] {id, n++, account, p.debitFen(), p.creditFen()});
            delta.merge(account, p.debitFen() - p.creditFen(), Long::sum);
        }
        jdbc.batchUpdate("INSERT INTO journal_line (entry_id, line_no, account_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)",
                lines);
        // update balances in account-id order so concurrent postings never deadlock
        delta.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            if (d.getValue() != 0) {
                jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen + ? WHERE id = ?", d.getValue(), d.getKey());
            }
        });
        return id;
    }

    /** Posts the mirror of entry {@code entryId} (debits and credits swapped); returns the new entry's id. */
    public long reverse(long entryId, java.time.LocalDate date, String causeType, String causeRef, String description) {
        Map<String, Object> head = jdbc.queryForMap("SELECT admdvs FROM journal_entry WHERE id = ?", entryId);
        List<Posting> mirrored = jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l"
                        + " JOIN ledger_account a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no",
                (rs, i) -> new Posting(rs.getString(1), rs.getLong(3), rs.getLong(2)), entryId);
        return post(new JournalEntry((String) head.get("admdvs"), date, causeType, causeRef, description, entryId, mirrored));
    }

    /** Σ debits − Σ credits of the account. */
    public long balance(String code) {
        Long b = jdbc.queryForObject("SELECT balance_fen FROM ledger_account WHERE code = ?", Long.class, code);
        return b == null ? 0 : b;
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
