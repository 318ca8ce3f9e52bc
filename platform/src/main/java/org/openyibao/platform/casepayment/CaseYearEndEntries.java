package org.openyibao.platform.casepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.money.Money;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.Posting;

/**
 * The DRG/DIP year-end posted by {@code yibao close-year} (docs/hospital-payment.md#case-year-end): for each hospital
 * with case-paid cases in the year, per method (DRG) or DIP pool, the balance of {@link CaseYearEnds} (the final due
 * from the fund less what the payment runs advanced, with the DIP point value from the stored {@link DipBudgets}) as
 * one balanced entry in the pooling fund dated 31 December, cause {@code case_year_end}, ref
 * {@code <hospital>:<year>:drg} or {@code <hospital>:<year>:dip-<scheme>}:
 * <pre>
 *   balance &gt; 0 (a further payment):  Dr pooling:benefits  Cr pooling:bank
 *   balance &lt; 0 (a recovery):         Dr pooling:bank      Cr pooling:benefits
 * </pre>
 * the same accounts the runs' case adjustment moved (CaseAdvances). A zero balance posts nothing; a line already posted
 * (its cause and ref on the ledger) is not posted again.
 */
public class CaseYearEndEntries {
    public static final String CAUSE = "case_year_end";

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final CaseYearEnds yearEnds;
    private final DipBudgets budgets;

    public CaseYearEndEntries(JdbcTemplate jdbc, Ledger ledger, CaseYearEnds yearEnds, DipBudgets budgets) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.yearEnds = yearEnds;
        this.budgets = budgets;
    }

    /** One hospital's year-end of one method or DIP pool: final, the fund's due, advanced, balance, the entry once posted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String institutionCode, String method, String scheme, BigDecimal finalAmount, BigDecimal fundDue,
                       BigDecimal advanced, BigDecimal balance, Long entryId) {
        String ref(int year) {
            return institutionCode + ":" + year + ":" + ("DRG".equals(method) ? "drg" : "dip-" + scheme);
        }

        Line posted(Long id) {
            return new Line(institutionCode, method, scheme, finalAmount, fundDue, advanced, balance, id);
        }
    }

    /** The year's case part: the DIP pools with their point values, each hospital's lines. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Part(List<CaseYearEnds.Pool> pools, List<Line> lines) {
        public Part {
            pools = List.copyOf(pools);
            lines = List.copyOf(lines);
        }

        public boolean isEmpty() {
            return lines.isEmpty();
        }
    }

    /** Why the year's DIP pools cannot be shared out: a scheme with points and no stored budget; empty when none. */
    public List<String> budgetsMissing(String admdvs, int year) {
        try {
            yearEnds.preview(admdvs, year, budgets.budgets(admdvs, year));
            return List.of();
        } catch (DomainException e) {
            if (e.field() == null || !e.field().startsWith("budget")) throw e;
            return List.of(e.getMessage() + ": store it (PUT /api/case-payment/" + admdvs + "/budgets/" + year + ")");
        }
    }

    /** The year's lines as they stand, with the ids of the entries already posted (null for the others). */
    public Part preview(String admdvs, int year) {
        if (!budgetsMissing(admdvs, year).isEmpty()) return new Part(List.of(), List.of());
        CaseYearEnds.Preview p = yearEnds.preview(admdvs, year, budgets.budgets(admdvs, year));
        List<Line> lines = new ArrayList<>();
        for (CaseYearEnds.Drg d : p.drg()) {
            lines.add(withEntry(year, new Line(d.institutionCode(), "DRG", null, d.finalAmount(), d.fundDue(), d.advanced(),
                    d.balance(), null)));
        }
        for (CaseYearEnds.Dip d : p.dip()) {
            lines.add(withEntry(year, new Line(d.institutionCode(), "DIP", d.scheme(), d.finalAmount(), d.fundDue(), d.advanced(),
                    d.balance(), null)));
        }
        return new Part(p.pools(), lines);
    }

    /** Posts each line's balance not yet posted (inside the caller's transaction); the lines with their entry ids. */
    public Part post(String admdvs, int year) {
        Part part = preview(admdvs, year);
        List<Line> out = new ArrayList<>();
        for (Line l : part.lines()) {
            long balance = Money.fen(l.balance());
            if (l.entryId() != null || balance == 0) {
                out.add(l);
                continue;
            }
            List<Posting> lines = balance > 0
                    ? List.of(Posting.debit(Accounts.code(admdvs, "pooling:benefits"), balance),
                            Posting.credit(Accounts.code(admdvs, "pooling:bank"), balance))
                    : List.of(Posting.debit(Accounts.code(admdvs, "pooling:bank"), -balance),
                            Posting.credit(Accounts.code(admdvs, "pooling:benefits"), -balance));
            long id = ledger.post(new JournalEntry(admdvs, LocalDate.of(year, 12, 31), CAUSE, l.ref(year), "case year-end of "
                    + year + " of " + l.institutionCode() + " (" + l.method() + (l.scheme() == null ? "" : " " + l.scheme())
                    + "): due " + Money.format(Money.fen(l.fundDue())) + ", advanced " + Money.format(Money.fen(l.advanced()))
                    + (balance > 0 ? ", the fund pays " + Money.format(balance) : ", the fund recovers " + Money.format(-balance)),
                    null, lines));
            out.add(l.posted(id));
        }
        return new Part(part.pools(), out);
    }

    private Line withEntry(int year, Line l) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM journal_entry WHERE cause_type = ? AND cause_ref = ?", Long.class,
                CAUSE, l.ref(year));
        return ids.isEmpty() ? l : l.posted(ids.get(0));
    }
}
