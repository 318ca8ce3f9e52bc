package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * The serious-illness money accounted separately (单独核算, issue 13): per region and month, the insurer's contract on
 * the serious-illness fund's own accounts. Each {@link InsurerPremiumRule} says what its step should have posted by
 * the month's end; this posts the difference, one balanced entry per step (cause {@code insurer_premium}, ref
 * {@code <YYYY-MM>:<step>}, a top-up {@code -2}, ...) and a row in table insurer_premium:
 * <ol>
 *   <li>premium from contributions: Dr insurer_premium, Cr premium_due;</li>
 *   <li>reserve withheld: Dr premium_due, Cr insurer_reserve;</li>
 *   <li>monthly instalment: Dr premium_due, Cr bank;</li>
 *   <li>claims paid by the insurer: Dr bank, Cr insurer_claims.</li>
 * </ol>
 * All dated the month's last day. Idempotent like {@link FiscalTransfers}: a second run with nothing new posts
 * nothing; a target below what was posted (a cancellation) posts nothing either (the answer shows both).
 */
@Service
public class InsurerPremium {
    public static final String CAUSE = "insurer_premium";
    private static final Accounts.Fund FUND = Accounts.Fund.SERIOUS_ILLNESS;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;
    private final List<InsurerPremiumRule> rules;
    private final Clock clock;

    @Autowired
    public InsurerPremium(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs,
                          List<InsurerPremiumRule> rules) {
        this(jdbc, tx, ledger, packs, rules, Clock.systemDefaultZone());
    }

    public InsurerPremium(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs,
                          List<InsurerPremiumRule> rules, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    /** One step of the month: the rule's target, what is posted (to date or for the month), this run's entry. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Step(String step, String rule, String basis, BigDecimal target, BigDecimal posted, BigDecimal postedNow,
                       Long entryId) {}

    /**
     * The month's steps; posted = entries this run posted; the contract's year as posted so far: premium, reserve
     * withheld, instalments paid, what the fund still owes the contract for the year (premium − reserve − instalments),
     * claims the insurer paid.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(String admdvs, String month, int posted, List<Step> steps, BigDecimal premium, BigDecimal reserve,
                         BigDecimal instalmentsPaid, BigDecimal premiumDue, BigDecimal claims) {}

    /**
     * Posts the month. Refused, naming the field: a missing or invalid year or month (400), a month not yet over or in
     * a closed year (409 month), an unknown region (404 admdvs), a pack without an insurer contract (422
     * insurer.contract) or with one missing a value (422 naming the path).
     */
    public Result post(String admdvs, Integer year, Integer month) {
        YearMonth m = month(year, month);
        if (!m.atEndOfMonth().isBefore(LocalDate.now(clock))) {
            throw ApiException.conflict("month", "month: " + m + " is not over; its instalment is paid once it is");
        }
        return tx.execute(s -> {
            YearEndClose.requireRegion(jdbc, admdvs);
            // one run per region at a time: the second waits, then finds the first's rows and posts nothing
            jdbc.queryForList("SELECT id FROM ledger_account WHERE code = ? FOR UPDATE", Long.class,
                    Accounts.code(admdvs, FUND.account("premium_due")));
            ledger.closingEntry(admdvs, m.getYear()).ifPresent(closing -> {
                throw ApiException.conflict("month", "month: " + m + " is in " + m.getYear() + ", which region " + admdvs
                        + " has closed (closing entry " + closing + ")");
            });
            InsurerPremiumRule.Month figures = figures(admdvs, m);
            List<Step> steps = new ArrayList<>();
            int posted = 0;
            for (InsurerPremiumRule rule : rules) {
                Step st = step(figures, rule);
                if (st.entryId() != null) posted++;
                steps.add(st);
            }
            long premium = yearToDate(admdvs, m, "premium"), reserve = yearToDate(admdvs, m, "reserve");
            long paid = yearToDate(admdvs, m, "instalment");
            return new Result(admdvs, m.toString(), posted, steps, yuan(premium), yuan(reserve), yuan(paid),
                    yuan(premium - reserve - paid), yuan(yearToDate(admdvs, m, "claims")));
        });
    }

    /**
     * What the year's monthly runs would still post, one readable line per month and step ("2018-12 monthly instalment
     * to the insurer: 1,234.56 not posted; POST /api/funds/440800/insurer-premium?year=2018&month=12"): empty when every
     * month of the contract is on the ledger. The year-to-date steps are checked at December (its target is the
     * year's), the claims month by month. Read only; {@code yibao close-year} refuses a year with any.
     */
    public List<String> pending(String admdvs, int year) {
        List<String> lines = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth m = YearMonth.of(year, month);
            InsurerPremiumRule.Month figures = figures(admdvs, m);
            for (InsurerPremiumRule rule : rules) {
                if (rule.yearToDate() && month < 12) continue;
                long target = rule.target(figures).fen();
                long before = rule.yearToDate() ? yearToDate(admdvs, m, rule.step()) : posted(admdvs, m, rule.step());
                if (target > before) {
                    lines.add(m + " " + rule.name() + ": " + Money.format(target - before) + " not posted; POST /api/funds/"
                            + admdvs + "/insurer-premium?year=" + year + "&month=" + month);
                }
            }
        }
        return lines;
    }

    /** The contract in force for {@code year} in the region's pack (a contract runs for the calendar year). */
    public InsurerContract contract(String admdvs, int year) {
        return figures(admdvs, YearMonth.of(year, 1)).contract();
    }

    private Step step(InsurerPremiumRule.Month figures, InsurerPremiumRule rule) {
        YearMonth m = figures.month();
        InsurerPremiumRule.Target target = rule.target(figures);
        long before = rule.yearToDate() ? yearToDate(figures.admdvs(), m, rule.step()) : posted(figures.admdvs(), m, rule.step());
        if (target.fen() <= before) {
            return new Step(rule.step(), rule.name(), target.basis(), yuan(target.fen()), yuan(before), yuan(0), null);
        }
        long more = target.fen() - before;
        int seq = count(figures.admdvs(), m, rule.step()) + 1;
        String ref = m + ":" + rule.step() + (seq == 1 ? "" : "-" + seq);
        long entry = ledger.post(JournalEntry.builder(figures.admdvs(), m.atEndOfMonth(), CAUSE, ref,
                        rule.name() + " for " + m + ": " + Money.format(more) + "; " + target.basis()
                                + (before == 0 ? "" : "; posted before " + Money.format(before)))
                .move(FUND.account(rule.debit()), FUND.account(rule.credit()), more).build());
        jdbc.update("INSERT INTO insurer_premium (admdvs, period, step, seq, amount_fen, entry_id) VALUES (?, ?, ?, ?, ?, ?)",
                figures.admdvs(), m.toString(), rule.step(), seq, more, entry);
        return new Step(rule.step(), rule.name(), target.basis(), yuan(target.fen()), yuan(target.fen()), yuan(more), entry);
    }

    /** The figures the rules work from: the contract, the year's premium to date and its arithmetic, the month's claims. */
    InsurerPremiumRule.Month figures(String admdvs, YearMonth m) {
        String packName = jdbc.queryForObject("SELECT policy_pack FROM region WHERE admdvs = ?", String.class, admdvs);
        PolicyPack pack = packs.pack(packName);
        LocalDate contractDay = LocalDate.of(m.getYear(), 1, 1); // DECISION: a contract runs for the calendar year
        InsurerContract contract;
        try {
            contract = InsurerContract.of(pack, contractDay);
        } catch (PolicyException e) {
            throw ApiException.refused("insurer.contract", "insurer.contract: policy pack " + packName
                    + " has no complete contract on " + contractDay + ": " + e.getMessage());
        }
        if (contract == null) {
            throw ApiException.refused("insurer.contract", "insurer.contract: policy pack " + packName
                    + " has no serious-illness insurer contract (insurer.contract.*)");
        }
        long[] premium = jdbc.queryForObject("SELECT COALESCE(SUM(c.serious_illness_fen), 0), COUNT(*) FROM contribution c"
                        + " JOIN enrolment e ON e.id = c.enrolment_id WHERE e.admdvs = ? AND c.kind = 'resident_annual'"
                        + " AND c.period = ? AND c.paid_fen > 0 AND c.paid_on <= ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, admdvs, String.valueOf(m.getYear()), m.atEndOfMonth());
        Long claims = jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE a.code = ? AND e.entry_date >= ? AND e.entry_date <= ? AND e.cause_type <> 'closing'", Long.class,
                Accounts.code(admdvs, FUND.account("benefits")), m.atDay(1), m.atEndOfMonth());
        return new InsurerPremiumRule.Month(admdvs, m, contract, premium[0], premium[1],
                InsurerYearEnd.of(YearEndFigures.of(premium[0], 0), contract), claims);
    }

    /**
     * What a step posted in {@code m}'s year so far, whichever month's run posted it: a month run after a later one
     * (January after December) finds December's postings and posts nothing twice.
     */
    private long yearToDate(String admdvs, YearMonth m, String step) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM insurer_premium WHERE admdvs = ? AND step = ?"
                + " AND period >= ? AND period <= ?", Long.class, admdvs, step, YearMonth.of(m.getYear(), 1).toString(),
                YearMonth.of(m.getYear(), 12).toString());
    }

    private long posted(String admdvs, YearMonth m, String step) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM insurer_premium WHERE admdvs = ? AND step = ?"
                + " AND period = ?", Long.class, admdvs, step, m.toString());
    }

    private int count(String admdvs, YearMonth m, String step) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM insurer_premium WHERE admdvs = ? AND step = ? AND period = ?",
                Integer.class, admdvs, step, m.toString());
    }

    /** A value's source up to its first colon: "Luo 2020, §2.9.4 (4)" of "Luo 2020, §2.9.4 (4): serious illness ...". */
    static String cite(String source) {
        if (source == null) return "the policy pack";
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    private static BigDecimal yuan(long fen) {
        return Money.yuan(fen);
    }

    private static YearMonth month(Integer year, Integer month) {
        if (year == null) throw ApiException.badRequest("year", "year: required (e.g. 2018)");
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        if (month == null) throw ApiException.badRequest("month", "month: required (1 to 12)");
        if (month < 1 || month > 12) throw ApiException.badRequest("month", "month: 1 to 12, got " + month);
        return YearMonth.of(year, month);
    }
}
