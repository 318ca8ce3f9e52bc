package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One figure of the year-end read from the ledger, with what an auditor needs to find it again: the account, the
 * kind of entries summed, the year, and the entries themselves. {@code fen} is the sum of the lines on the side the
 * account grows by (debits for {@code debit}, credits otherwise) less the other side.
 */
public record LedgerSum(String what, String account, String cause, String step, boolean debit, long fen, List<Long> entryIds) {
    public LedgerSum {
        entryIds = List.copyOf(entryIds);
    }

    /** How the figure was read, in words: "Σ credits − debits to 440800:serious_illness:recoveries, 2018 (3 entries)". */
    public String basis(int year) {
        return "Σ " + (debit ? "debits − credits" : "credits − debits") + " to " + account
                + (cause == null ? "" : " in entries of cause " + cause) + (step == null ? "" : " whose reference names step " + step)
                + ", dated " + year + ", closing entry apart ("
                + entryIds.size() + (entryIds.size() == 1 ? " entry)" : " entries)");
    }

    /**
     * Reads the figure: the lines of {@code account} in entries dated in {@code year} (of {@code cause} when given),
     * and of {@code step} when given: the entry's reference is "YYYY-MM:step" or a top-up "YYYY-MM:step-2"), the
     * closing entry never counted.
     */
    static LedgerSum read(JdbcTemplate jdbc, String what, String account, String cause, String step, boolean debit, int year) {
        List<Long> ids = new ArrayList<>();
        long[] sum = {0};
        jdbc.query("SELECT e.id, SUM(l.debit_fen - l.credit_fen) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
                        + " JOIN ledger_account a ON a.id = l.account_id WHERE a.code = ? AND e.entry_date >= ? AND e.entry_date <= ?"
                        + " AND e.cause_type <> 'closing' AND (CAST(? AS VARCHAR) IS NULL OR e.cause_type = ?)"
                        + " AND (CAST(? AS VARCHAR) IS NULL OR e.cause_ref LIKE ? OR e.cause_ref LIKE ?)"
                        + " GROUP BY e.id ORDER BY e.id", rs -> {
                    ids.add(rs.getLong(1));
                    sum[0] += rs.getLong(2);
                }, account, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), cause, cause, step,
                step == null ? null : "_______:" + step, step == null ? null : "_______:" + step + "-%");
        return new LedgerSum(what, account, cause, step, debit, debit ? sum[0] : -sum[0], ids);
    }
}
