package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/**
 * Income, expenditure and balance per fund and month of a region's year, re-derived from the journal.
 * <ul>
 *   <li>income = net credits to the fund's income accounts (contributions, fiscal_income, transfers_in); fiscal_income
 *       is the money of public finance (residents' subsidy, budget-funded spending: {@link FiscalTransfers});</li>
 *   <li>expenditure = net debits to its expense accounts (benefits, transfers_out);</li>
 *   <li>balance = the fund's net assets at the month's end: assets (bank, contributions_receivable, fiscal_receivable) less
 *       liabilities (payable_institutions, holders). Every fund balances within every entry, so the balance
 *       moves by exactly income − expenditure each month;</li>
 *   <li>bank, receivable, payable_institutions and holders: those accounts at the month's end;</li>
 *   <li>fiscal_receivable: what public finance still owes the fund at the month's end (fiscal transfers requested,
 *       not yet received: {@link FiscalTransfers}); at the year's end, what finance owes for the year;</li>
 *   <li>the serious-illness fund's insurer contract ({@link InsurerPremium}): insurer_premium (the premium from
 *       contributions, counted in expenditure), instalments_paid (to the insurer), insurer_claims and recoveries
 *       (counted in income), premium_due and insurer_reserve (what the fund owes the contract at the period's end).</li>
 * </ul>
 * The year-end closing entry moves income and expense into fund_balance (equity): it is left out of the
 * income and expenditure columns (which show the year's flows) and changes no balance.
 */
@Service
public class FundReport {
    private final JdbcTemplate jdbc;

    public FundReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One month of one fund (or, with month = the year, the whole year). Amounts in yuan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Month(String month, BigDecimal contributions, BigDecimal fiscalIncome, BigDecimal transfersIn,
                        BigDecimal income, BigDecimal benefits, BigDecimal transfersOut, BigDecimal expenditure,
                        BigDecimal surplus, BigDecimal balance, BigDecimal bank, BigDecimal receivable,
                        BigDecimal payableInstitutions, BigDecimal holders, BigDecimal fiscalReceivable,
                        BigDecimal insurerPremium, BigDecimal instalmentsPaid, BigDecimal insurerClaims, BigDecimal recoveries,
                        BigDecimal premiumDue, BigDecimal insurerReserve) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FundYear(String fund, String title, BigDecimal openingBalance, List<Month> months, Month year) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(String admdvs, int year, boolean closed, Long closingEntryId, List<FundYear> funds) {}

    private static final List<String> ACCOUNTS = List.of("contributions", "fiscal_income", "transfers_in", "benefits",
            "transfers_out", "bank", "contributions_receivable", "payable_institutions", "holders", "fiscal_receivable",
            // the serious-illness fund's own (Accounts.SERIOUS_ILLNESS_TEMPLATES), then instalments paid (INSTALMENTS)
            "insurer_premium", "insurer_claims", "recoveries", "premium_due", "insurer_reserve", "instalments");
    private static final int INSTALMENTS = ACCOUNTS.size() - 1; // credits to bank by insurer_premium entries
    private static final int ASSETS_AND_LIABILITIES = ACCOUNTS.size(); // slot for Σ (debits − credits) of both kinds

    public Report report(String admdvs, int year) {
        YearEndClose.requireRegion(jdbc, admdvs);
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        LocalDate from = LocalDate.of(year, 1, 1), to = LocalDate.of(year + 1, 1, 1);

        // opening: every account before the year (debits − credits)
        Map<String, long[]> opening = new HashMap<>();
        jdbc.query("SELECT a.fund, a.code, a.kind, SUM(l.debit_fen - l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE e.admdvs = ? AND e.entry_date < ? GROUP BY a.fund, a.code, a.kind", rs -> {
            add(opening.computeIfAbsent(rs.getString(1), k -> new long[ACCOUNTS.size() + 1]), rs.getString(2), rs.getString(3),
                    rs.getLong(4));
        }, admdvs, from);
        // the year's movements by month, closing entries apart
        Map<String, long[][]> months = new HashMap<>();
        jdbc.query("SELECT a.fund, a.code, a.kind, EXTRACT(MONTH FROM e.entry_date),"
                + " SUM(l.debit_fen - l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE e.admdvs = ? AND e.entry_date >= ? AND e.entry_date < ? AND e.cause_type <> 'closing'"
                + " GROUP BY a.fund, a.code, a.kind, EXTRACT(MONTH FROM e.entry_date)", rs -> {
            long[][] m = months.computeIfAbsent(rs.getString(1), k -> new long[12][ACCOUNTS.size() + 1]);
            add(m[rs.getInt(4) - 1], rs.getString(2), rs.getString(3), rs.getLong(5));
        }, admdvs, from, to);
        // instalments paid to the insurer: the serious-illness bank's credits in insurer_premium entries
        jdbc.query("SELECT a.fund, EXTRACT(MONTH FROM e.entry_date), SUM(l.credit_fen) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE e.admdvs = ? AND e.entry_date >= ? AND e.entry_date < ? AND e.cause_type = ? AND a.code LIKE ?"
                + " GROUP BY a.fund, EXTRACT(MONTH FROM e.entry_date)", rs -> {
            months.computeIfAbsent(rs.getString(1), k -> new long[12][ACCOUNTS.size() + 1])[rs.getInt(2) - 1][INSTALMENTS]
                    += rs.getLong(3);
        }, admdvs, from, to, InsurerPremium.CAUSE, "%:bank");

        List<FundYear> funds = new ArrayList<>();
        for (Accounts.Fund f : Accounts.Fund.values()) {
            long[] running = opening.getOrDefault(f.key, new long[ACCOUNTS.size() + 1]).clone();
            long openingBalance = running[ASSETS_AND_LIABILITIES];
            long[][] m = months.getOrDefault(f.key, new long[12][ACCOUNTS.size() + 1]);
            long[] flows = new long[ACCOUNTS.size() + 1];
            List<Month> out = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                for (int k = 0; k < running.length; k++) {
                    running[k] += m[i][k];
                    flows[k] += m[i][k];
                }
                out.add(month(String.format("%d-%02d", year, i + 1), m[i], running));
            }
            funds.add(new FundYear(f.key, f.title, Money.yuan(openingBalance), out, month(String.valueOf(year), flows, running)));
        }
        List<Long> close = jdbc.queryForList("SELECT entry_id FROM fund_year_close WHERE admdvs = ? AND fiscal_year = ?",
                Long.class, admdvs, year);
        Long closing = close.isEmpty() ? null : close.get(0);
        return new Report(admdvs, year, closing != null, closing, funds);
    }

    private static void add(long[] slots, String code, String kind, long debitMinusCredit) {
        int k = ACCOUNTS.indexOf(code.substring(code.lastIndexOf(':') + 1));
        if (k >= 0) slots[k] += debitMinusCredit;
        if ("asset".equals(kind) || "liability".equals(kind)) slots[ASSETS_AND_LIABILITIES] += debitMinusCredit;
    }

    /** Flows from {@code flow} (the period's debits − credits), balances from {@code end} (at the period's end). */
    private static Month month(String label, long[] flow, long[] end) {
        long contributions = -flow[0], fiscal = -flow[1], transfersIn = -flow[2];
        long benefits = flow[3], transfersOut = flow[4];
        long premium = flow[10], claims = -flow[11], recoveries = -flow[12];
        long income = contributions + fiscal + transfersIn + claims + recoveries, expenditure = benefits + transfersOut + premium;
        return new Month(label, Money.yuan(contributions), Money.yuan(fiscal), Money.yuan(transfersIn), Money.yuan(income),
                Money.yuan(benefits), Money.yuan(transfersOut), Money.yuan(expenditure), Money.yuan(income - expenditure),
                Money.yuan(end[ASSETS_AND_LIABILITIES]), Money.yuan(end[5]), Money.yuan(end[6]), Money.yuan(-end[7]),
                Money.yuan(-end[8]), Money.yuan(end[9]), Money.yuan(premium), Money.yuan(flow[INSTALMENTS]), Money.yuan(claims),
                Money.yuan(recoveries), Money.yuan(-end[13]), Money.yuan(-end[14]));
    }

    public static final String CSV_HEADER = "admdvs,year,fund,month,contributions,fiscal_income,transfers_in,income,benefits,"
            + "transfers_out,expenditure,surplus,balance,bank,receivable,payable_institutions,holders,fiscal_receivable,"
            + "insurer_premium,instalments_paid,insurer_claims,recoveries,premium_due,insurer_reserve";

    /** The report as CSV: one row per fund and month, then the fund's year (month = the year). */
    public static String csv(Report r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (FundYear f : r.funds()) {
            List<Month> rows = new ArrayList<>(f.months());
            rows.add(f.year());
            for (Month m : rows) {
                b.append(r.admdvs()).append(',').append(r.year()).append(',').append(f.fund()).append(',').append(m.month());
                for (BigDecimal v : List.of(m.contributions(), m.fiscalIncome(), m.transfersIn(), m.income(), m.benefits(),
                        m.transfersOut(), m.expenditure(), m.surplus(), m.balance(), m.bank(), m.receivable(),
                        m.payableInstitutions(), m.holders(), m.fiscalReceivable(), m.insurerPremium(), m.instalmentsPaid(),
                        m.insurerClaims(), m.recoveries(), m.premiumDue(), m.insurerReserve())) {
                    b.append(',').append(v.toPlainString());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
