package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * Fiscal transfers (issue 13, "budget-funded money"): per region, fund and month, what public finance owes the fund
 * (the {@link FiscalTransferRule}s say how much), posted in two balanced steps:
 * <ol>
 *   <li>requested: Dr {@code <fund>:fiscal_receivable}, Cr {@code <fund>:fiscal_income}, dated the month's last day;</li>
 *   <li>received: Dr {@code <fund>:bank}, Cr {@code <fund>:fiscal_receivable}, dated the day finance paid.</li>
 * </ol>
 * What finance still owes is the fiscal_receivable balance (the fund report shows it per month and at year-end).
 * Idempotent: a run requests only what is due beyond what was requested for the month, and receives only what was
 * requested and not yet received (table fiscal_transfer); a second run with nothing new posts nothing. Spending dated
 * in the month and posted after its request is requested by the next run as a top-up. A fund with nothing due gets
 * no entry. Less due than requested (a cancellation after the request) is not given back: the answer shows both.
 */
@Service
public class FiscalTransfers {
    public static final String CAUSE = "fiscal_transfer";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final Clock clock;
    private final Map<Accounts.Fund, FiscalTransferRule> rules = new EnumMap<>(Accounts.Fund.class);

    @Autowired
    public FiscalTransfers(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, List<FiscalTransferRule> rules) {
        this(jdbc, tx, ledger, rules, Clock.systemDefaultZone());
    }

    public FiscalTransfers(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, List<FiscalTransferRule> rules,
                           Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.clock = clock;
        for (FiscalTransferRule r : rules) {
            for (Accounts.Fund f : r.funds()) {
                FiscalTransferRule other = this.rules.put(f, r);
                if (other != null) {
                    throw new IllegalStateException("two fiscal-transfer rules for the " + f.key + " fund: " + other.name()
                            + ", " + r.name());
                }
            }
        }
    }

    /** One fund's transfer for the month; amounts in yuan, null where that step has not been posted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FundTransfer(String fund, String rule, String basis, BigDecimal due, BigDecimal requested,
                               Long requestedEntryId, boolean requestedNow, BigDecimal received, Long receivedEntryId,
                               boolean receivedNow, BigDecimal owed) {}

    /** The month's transfers of every fund a rule speaks for; posted = how many entries this run posted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(String admdvs, String month, int posted, List<FundTransfer> funds) {}

    /**
     * Requests the month's transfers and, with {@code receivedOn}, records finance's payment of every request of the
     * month not yet received. Refused (naming the field): a missing or invalid year or month, a month not yet over,
     * a closed year, a receipt dated before the request or in the future.
     */
    public Result post(String admdvs, Integer year, Integer month, LocalDate receivedOn) {
        YearMonth m = month(year, month);
        LocalDate requestedOn = m.atEndOfMonth(), today = LocalDate.now(clock);
        if (!requestedOn.isBefore(today)) {
            throw ApiException.conflict("month", "month: " + m + " is not over; its transfers are requested once it is");
        }
        if (receivedOn != null && receivedOn.isBefore(requestedOn)) {
            throw ApiException.badRequest("received_on", "received_on: " + receivedOn + " is before the request of " + m
                    + " (dated " + requestedOn + ")");
        }
        if (receivedOn != null && receivedOn.isAfter(today)) {
            throw ApiException.badRequest("received_on", "received_on: " + receivedOn + " is in the future");
        }
        return tx.execute(s -> {
            YearEndClose.requireRegion(jdbc, admdvs);
            // one run per region at a time: the second waits, then finds the first's rows and posts nothing
            jdbc.queryForList("SELECT id FROM ledger_account WHERE admdvs = ? AND code LIKE ? ORDER BY id FOR UPDATE",
                    Long.class, admdvs, "%:fiscal_receivable");
            refuseClosed(admdvs, requestedOn, "month");
            if (receivedOn != null) refuseClosed(admdvs, receivedOn, "received_on");
            List<FundTransfer> out = new ArrayList<>();
            int posted = 0;
            for (Map.Entry<Accounts.Fund, FiscalTransferRule> e : rules.entrySet()) {
                FundTransfer t = fund(admdvs, m, e.getKey(), e.getValue(), receivedOn);
                posted += (t.requestedNow() ? 1 : 0) + (t.receivedNow() ? 1 : 0);
                out.add(t);
            }
            return new Result(admdvs, m.toString(), posted, out);
        });
    }

    /**
     * Requests what the rule says is due beyond what was already requested for the month (the first request, or a
     * top-up when spending dated in the month was posted after it), and, when {@code receivedOn} is given, receives
     * what was requested and not yet received. Nothing new: nothing posted.
     */
    private FundTransfer fund(String admdvs, YearMonth m, Accounts.Fund fund, FiscalTransferRule rule, LocalDate receivedOn) {
        FiscalTransferRule.Due due = rule.due(admdvs, m, fund);
        Posted requested = posted(admdvs, fund, m, "requested");
        boolean requestedNow = due.fen() > requested.fen();
        if (requestedNow) {
            long more = due.fen() - requested.fen();
            String what = requested.count() == 0 ? "requested" : "top-up " + (requested.count() + 1) + " requested";
            long entry = post(admdvs, m, fund, "requested", requested.count() + 1, m.atEndOfMonth(),
                    "fiscal transfer " + what + " from finance for " + m + ", " + fund.key + " (" + rule.name() + "): "
                            + due.basis() + (requested.count() == 0 ? "" : "; requested before " + Money.format(requested.fen())),
                    fund.account("fiscal_receivable"), fund.account("fiscal_income"), more);
            requested = new Posted(due.fen(), requested.count() + 1, entry);
        }
        Posted received = posted(admdvs, fund, m, "received");
        boolean receivedNow = receivedOn != null && requested.fen() > received.fen();
        if (receivedNow) {
            long more = requested.fen() - received.fen();
            long entry = post(admdvs, m, fund, "received", received.count() + 1, receivedOn,
                    "fiscal transfer received from finance for " + m + ", " + fund.key + ": " + Money.format(more),
                    fund.account("bank"), fund.account("fiscal_receivable"), more);
            received = new Posted(requested.fen(), received.count() + 1, entry);
        }
        return new FundTransfer(fund.key, rule.name(), due.basis(), Money.yuan(due.fen()),
                requested.count() == 0 ? null : Money.yuan(requested.fen()), requested.lastEntry(), requestedNow,
                received.count() == 0 ? null : Money.yuan(received.fen()), received.lastEntry(), receivedNow,
                Money.yuan(requested.fen() - received.fen()));
    }

    /** One step's entries of a fund's month so far: their total, how many, the latest's id (null: none). */
    private record Posted(long fen, int count, Long lastEntry) {}

    private Posted posted(String admdvs, Accounts.Fund fund, YearMonth m, String step) {
        List<long[]> rows = jdbc.query("SELECT amount_fen, entry_id FROM fiscal_transfer WHERE admdvs = ? AND fund = ?"
                        + " AND period = ? AND step = ? ORDER BY seq", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                admdvs, fund.key, m.toString(), step);
        long fen = 0;
        for (long[] r : rows) fen += r[0];
        return new Posted(fen, rows.size(), rows.isEmpty() ? null : rows.get(rows.size() - 1)[1]);
    }

    /** Posts one step's entry (Dr debit, Cr credit) and its fiscal_transfer row; the entry's id. */
    private long post(String admdvs, YearMonth m, Accounts.Fund fund, String step, int seq, LocalDate date,
                      String description, String debit, String credit, long fen) {
        long entry = ledger.post(JournalEntry.builder(admdvs, date, CAUSE, ref(fund, m, step, seq), description)
                .move(debit, credit, fen).build());
        jdbc.update("INSERT INTO fiscal_transfer (admdvs, fund, period, step, seq, amount_fen, entry_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", admdvs, fund.key, m.toString(), step, seq, fen, entry);
        return entry;
    }

    /** "assistance:2018-06:requested", then "assistance:2018-06:requested-2" for a top-up: the entry's cause_ref. */
    static String ref(Accounts.Fund fund, YearMonth m, String step, int seq) {
        return fund.key + ":" + m + ":" + step + (seq == 1 ? "" : "-" + seq);
    }

    private void refuseClosed(String admdvs, LocalDate date, String field) {
        ledger.closingEntry(admdvs, date.getYear()).ifPresent(closing -> {
            throw ApiException.conflict(field, field + ": " + date + " is in " + date.getYear() + ", which region " + admdvs
                    + " has closed (closing entry " + closing + ")");
        });
    }

    private static YearMonth month(Integer year, Integer month) {
        if (year == null) throw ApiException.badRequest("year", "year: required (e.g. 2018)");
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        if (month == null) throw ApiException.badRequest("month", "month: required (1 to 12)");
        if (month < 1 || month > 12) throw ApiException.badRequest("month", "month: 1 to 12, got " + month);
        return YearMonth.of(year, month);
    }
}
