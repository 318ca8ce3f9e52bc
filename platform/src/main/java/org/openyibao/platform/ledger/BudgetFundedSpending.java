package org.openyibao.platform.ledger;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;

/**
 * Budget-funded spending: medical assistance and the public-health emergency cover have no contributions of their
 * own; public finance funds what they paid. What is due for a month is the fund's benefits of that month, net of
 * reversals (debits − credits to {@code <fund>:benefits} in entries dated in the month, year-end closing apart).
 * <ul>
 *   <li>emergency cover: "after basic, serious-illness and assistance tiers, public finance pays the person's
 *       share" (He 2020, §4, §4.1);</li>
 *   <li>medical assistance: run by civil affairs from public money (Luo 2020, §2.2: "NCMS + serious illness insurance + civil affairs (charity) assistance"; basic insurance, serious-illness
 *       insurance, then civil-affairs assistance). DECISION, docs/ledger.md#fiscal-transfers: reimbursed month by
 *       month, as spent, rather than as an annual budget paid in advance (the cited works give no schedule).</li>
 * </ul>
 */
@Component
public class BudgetFundedSpending implements FiscalTransferRule {
    private final JdbcTemplate jdbc;

    public BudgetFundedSpending(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "budget-funded spending";
    }

    @Override
    public List<Accounts.Fund> funds() {
        return List.of(Accounts.Fund.ASSISTANCE, Accounts.Fund.EMERGENCY);
    }

    @Override
    public Due due(String admdvs, YearMonth month, Accounts.Fund fund) {
        Long spent = jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE a.code = ? AND e.entry_date >= ? AND e.entry_date <= ? AND e.cause_type <> 'closing'", Long.class,
                Accounts.code(admdvs, fund.account("benefits")), month.atDay(1), month.atEndOfMonth());
        long fen = Math.max(0, spent); // reversals beyond the month's payments leave nothing to request
        String source = fund == Accounts.Fund.EMERGENCY ? "He 2020, §4.1" : "Luo 2020, §2.2";
        return new Due(fen, "benefits paid in " + month + ": " + Money.format(fen) + " (" + source + ")");
    }
}
