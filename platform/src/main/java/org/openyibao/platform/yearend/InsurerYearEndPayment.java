package org.openyibao.platform.yearend;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.web.ApiException;

/**
 * The cash settlement with the insurer after a closed year (docs/year-end.md#paying-what-is-owed): what the year left on
 * the serious-illness fund's {@code premium_due} — its credit balance over the year's entries, what the fund owes the
 * insurer; a debit balance, what the insurer owes the fund — is paid on the day given, in the following year: Dr
 * premium_due / Cr bank (or the reverse), cause {@code insurer_settlement}, reference the year. Refused: a year
 * {@code close-year} has not closed, a day before the following year or in a closed year, nothing owed. Paid once: a
 * second call answers the payment made.
 */
@Service
public class InsurerYearEndPayment {
    public static final String CAUSE = "insurer_settlement";
    private static final Accounts.Fund FUND = Accounts.Fund.SERIOUS_ILLNESS;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;

    public InsurerYearEndPayment(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
    }

    /** The payment: positive, the fund paid the insurer; negative, the insurer paid the fund. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Paid(String admdvs, int year, BigDecimal amount, String direction, String paidOn, long entryId,
                       boolean paidBefore) {}

    public Paid pay(String admdvs, int year, LocalDate paidOn) {
        if (paidOn == null) throw ApiException.badRequest("paid_on", "paid_on: required, the day the money moved (YYYY-MM-DD)");
        return tx.execute(s -> {
            Integer closed = jdbc.queryForObject("SELECT COUNT(*) FROM year_close WHERE admdvs = ? AND fiscal_year = ?",
                    Integer.class, admdvs, year);
            if (closed == 0) {
                throw ApiException.conflict("year", "year: " + year + " of region " + admdvs + " is not closed; the insurer is"
                        + " paid what the year-end leaves owed once yibao close-year has closed it");
            }
            List<Long> before = jdbc.queryForList("SELECT id FROM journal_entry WHERE admdvs = ? AND cause_type = ? AND"
                    + " cause_ref = ?", Long.class, admdvs, CAUSE, String.valueOf(year));
            if (!before.isEmpty()) return paid(admdvs, year, before.get(0), true);
            if (paidOn.getYear() <= year) {
                throw ApiException.badRequest("paid_on", "paid_on: " + paidOn + " is in " + year + " or before; the year-end"
                        + " is paid in a later year");
            }
            long owed = -jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                    + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id WHERE a.code = ?"
                    + " AND e.entry_date >= ? AND e.entry_date <= ?", Long.class, Accounts.code(admdvs, FUND.account("premium_due")),
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            if (owed == 0) throw ApiException.conflict("year", "year: " + year + " left nothing owed between fund and insurer");
            String words = owed > 0 ? "the fund pays the insurer what " + year + "'s year-end left owed: "
                    : "the insurer pays the fund what " + year + "'s year-end left owed: ";
            JournalEntry.Builder b = JournalEntry.builder(admdvs, paidOn, CAUSE, String.valueOf(year),
                    words + Money.format(Math.abs(owed)));
            if (owed > 0) b.move(FUND.account("premium_due"), FUND.account("bank"), owed);
            else b.move(FUND.account("bank"), FUND.account("premium_due"), -owed);
            return paid(admdvs, year, ledger.post(b.build()), false);
        });
    }

    private Paid paid(String admdvs, int year, long entryId, boolean before) {
        long toInsurer = jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                + " JOIN ledger_account a ON a.id = l.account_id WHERE l.entry_id = ? AND a.code = ?", Long.class, entryId,
                Accounts.code(admdvs, FUND.account("premium_due")));
        String on = String.valueOf(jdbc.queryForObject("SELECT entry_date FROM journal_entry WHERE id = ?", LocalDate.class, entryId));
        return new Paid(admdvs, year, Money.yuan(Math.abs(toInsurer)), toInsurer > 0 ? "to_insurer" : "to_fund", on, entryId, before);
    }
}
