package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.hospital.BudgetYearEnd;
import org.openyibao.engine.hospital.BudgetYearFigures;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.Posting;
import org.openyibao.platform.web.ApiException;

/**
 * Institutions' year-end against their budgets (docs/hospital-payment.md), called by {@code yibao close-year}: what is
 * unfinished, a preview per institution with the engine's {@link BudgetYearEnd} and its steps, and the posting, one
 * balanced entry per institution in the pooling fund dated 31 December (cause {@code institution_year_end}, ref
 * {@code <institution>:<year>}):
 * <pre>
 *   Dr payable_institutions  what the runs left payable for the year (S + A − O)
 *   Cr prepaid_institutions  the year's prepayments not yet set against spending (P − O)
 *   Dr / Cr benefits         what the fund owes beyond / short of the spending (T − S: the saving kept, less what the
 *                            institution bears of an over-spend and a deposit kept)
 *   Cr / Dr bank             the balance paid / clawed back (T − (P − A))
 * </pre>
 * S is the pooling spending of the settlements not paid by DRG/DIP; A what the runs advanced on the case-paid ones
 * (their hifp_pay moved by the case adjustment), which the case year-end settles against their final (DECISION,
 * docs/decisions.md#case-year-end): the budget's share of the prepayments is P − A, the engine's "prepaid".
 * Debits − credits = (S + A − O) − (P − O) + (T − S) − (T − (P − A)) = 0. Idempotent: a second call with the same inputs posts
 * nothing and returns the same figures; different inputs after posting are refused (409 failed_evaluation).
 */
@Service
public class InstitutionYearEnds {
    public static final String CAUSE = "institution_year_end";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final HospitalRegions regions;
    private final Budgets budgets;
    private final Prepayments prepayments;
    private final PaymentRuns runs;
    private final Clock clock;

    @Autowired
    public InstitutionYearEnds(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions,
                               Budgets budgets, Prepayments prepayments, PaymentRuns runs) {
        this(jdbc, tx, ledger, regions, budgets, prepayments, runs, Clock.systemDefaultZone());
    }

    public InstitutionYearEnds(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions,
                               Budgets budgets, Prepayments prepayments, PaymentRuns runs, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.regions = regions;
        this.budgets = budgets;
        this.prepayments = prepayments;
        this.runs = runs;
        this.clock = clock;
    }

    /** An institution's year-end: the engine's figures and steps; posted with its entry, or a preview. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String institutionCode, String institutionName, @JsonIgnore BudgetYearEnd yearEnd,
                      boolean evaluationPassed, List<ShownStep> steps, boolean posted, Long entryId) {
        @JsonProperty("budget") public BigDecimal budget() { return Money.yuan(yearEnd.budgetFen()); }
        @JsonProperty("spending_counted") public BigDecimal spendingCounted() { return Money.yuan(yearEnd.spendingCountedFen()); }
        @JsonProperty("emergency_outside") public BigDecimal emergencyOutside() { return Money.yuan(yearEnd.emergencyOutsideFen()); }
        @JsonProperty("saving_kept") public BigDecimal savingKept() { return Money.yuan(yearEnd.savingKeptFen()); }
        @JsonProperty("borne") public BigDecimal borne() { return Money.yuan(yearEnd.borneFen()); }
        @JsonProperty("deposit_returned") public BigDecimal depositReturned() { return Money.yuan(yearEnd.depositReturnedFen()); }
        @JsonProperty("deposit_kept") public BigDecimal depositKept() { return Money.yuan(yearEnd.depositKeptFen()); }
        @JsonProperty("total_due") public BigDecimal totalDue() { return Money.yuan(yearEnd.totalDueFen()); }
        @JsonProperty("prepaid") public BigDecimal prepaid() { return Money.yuan(yearEnd.prepaidFen()); }
        @JsonProperty("balance") public BigDecimal balance() { return Money.yuan(yearEnd.balanceFen()); }
    }

    /** What a post did: the entries it posted now (0 on a repeat) and every institution's year-end. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Posted(String admdvs, int year, int posted, List<Row> rows) {}

    /**
     * What stops the year-end, in words: months whose prepayments are not posted, clearing applications not decided,
     * accepted applications not paid, settled visits not covered by a clearing application. Empty: ready.
     */
    public List<String> unfinished(String admdvs, int year) {
        regions.require(admdvs);
        List<String> out = new ArrayList<>(prepayments.unposted(admdvs, year));
        jdbc.query("SELECT c.clr_appy_evt_id, c.fixmedins_code, c.begndate, c.enddate FROM fsi_clearing c JOIN institution i"
                + " ON i.code = c.fixmedins_code WHERE i.admdvs = ? AND c.status = 'applied' AND c.enddate >= ? AND c.begndate"
                + " <= ? AND NOT EXISTS (SELECT 1 FROM clearing_decision d WHERE d.clr_appy_evt_id = c.clr_appy_evt_id)"
                + " ORDER BY c.fixmedins_code, c.enddate, c.clr_appy_evt_id", rs -> {
            out.add(rs.getString(2) + ": clearing application " + rs.getString(1) + " (" + rs.getObject(3, LocalDate.class)
                    + " to " + rs.getObject(4, LocalDate.class) + ") not decided");
        }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        jdbc.query("SELECT c.clr_appy_evt_id, c.fixmedins_code FROM clearing_decision d JOIN fsi_clearing c"
                + " ON c.clr_appy_evt_id = d.clr_appy_evt_id WHERE d.admdvs = ? AND d.budget_year = ? AND d.decision = 'accepted'"
                + " AND NOT EXISTS (SELECT 1 FROM payment_run_line l WHERE l.clr_appy_evt_id = c.clr_appy_evt_id)"
                + " ORDER BY c.fixmedins_code, c.clr_appy_evt_id", rs -> {
            out.add(rs.getString(2) + ": clearing application " + rs.getString(1) + " accepted, not paid by a payment run");
        }, admdvs, year);
        jdbc.query("SELECT s.institution_code, i.name, COUNT(*) FROM settlement s JOIN institution i ON i.code = s.institution_code"
                + " WHERE s.admdvs = ? AND s.status = 'settled' AND s.visit_date >= ? AND s.visit_date <= ?"
                + " AND (s.fund_pay_sumamt > 0 OR s.acct_pay > 0) AND NOT EXISTS (SELECT 1 FROM clearing_settlement cs"
                + " JOIN fsi_clearing c ON c.clr_appy_evt_id = cs.clr_appy_evt_id WHERE cs.setl_id = s.setl_id"
                + " AND c.status = 'applied' AND NOT EXISTS (SELECT 1 FROM clearing_decision d WHERE"
                + " d.clr_appy_evt_id = c.clr_appy_evt_id AND d.decision = 'rejected'))"
                + " GROUP BY s.institution_code, i.name ORDER BY s.institution_code", rs -> {
            out.add(rs.getString(1) + " (" + rs.getString(2) + "): " + rs.getLong(3) + " settled visits of " + year
                    + " not covered by a clearing application");
        }, admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return out;
    }

    /** Each institution with a budget for the year: its year-end as it stands (as posted, once it is). */
    public List<Row> preview(String admdvs, int year, Set<String> failedEvaluation) {
        regions.require(admdvs);
        HospitalRegions.year(year);
        Set<String> failed = failedEvaluation == null ? Set.of() : failedEvaluation;
        Map<String, Row> stored = stored(admdvs, year);
        if (!stored.isEmpty()) return List.copyOf(stored.values());
        BudgetRules rules = regions.rules(admdvs, year);
        List<Row> rows = new ArrayList<>();
        for (Budgets.Budget b : budgets.list(admdvs, year)) {
            rows.add(row(b.institutionCode(), b.institutionName(), figures(admdvs, b, !failed.contains(b.institutionCode())),
                    rules, false, null));
        }
        return rows;
    }

    /**
     * Posts the year-end of every institution with a budget for the year. Refused: the year not over (409 year), work
     * unfinished (409 unfinished, naming the first), different evaluation results after posting (409
     * failed_evaluation), a closed year (409 date, from the ledger).
     */
    public Posted post(String admdvs, int year, Set<String> failedEvaluation) {
        regions.require(admdvs);
        HospitalRegions.year(year);
        if (!LocalDate.of(year, 12, 31).isBefore(LocalDate.now(clock))) {
            throw ApiException.conflict("year", "year: " + year + " is not over; its institutions are settled after 31 December");
        }
        Set<String> failed = failedEvaluation == null ? Set.of() : new TreeSet<>(failedEvaluation);
        BudgetRules rules = regions.rules(admdvs, year);
        return tx.execute(s -> {
            HospitalRegions.lock(jdbc, admdvs);
            Map<String, Row> stored = stored(admdvs, year);
            if (!stored.isEmpty()) return repeat(admdvs, year, failed, stored);
            List<String> open = unfinished(admdvs, year);
            if (!open.isEmpty()) {
                throw ApiException.conflict("unfinished", "unfinished: " + year + "'s institutions cannot be settled yet ("
                        + open.size() + " open): " + open.get(0));
            }
            int posted = 0;
            for (Budgets.Budget b : budgets.list(admdvs, year)) {
                BudgetYearFigures f = figures(admdvs, b, !failed.contains(b.institutionCode()));
                BudgetYearEnd ye = BudgetYearEnd.of(f, rules);
                Long entry = postEntry(admdvs, year, b.institutionCode(), ye, f);
                if (entry != null) posted++;
                jdbc.update("INSERT INTO institution_year_end (admdvs, institution_code, budget_year, budget_fen,"
                        + " in_budget_spending_fen, emergency_spending_fen, prepaid_fen, deposit_fen, evaluation_passed,"
                        + " rules_date, balance_fen, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", admdvs,
                        b.institutionCode(), year, f.budgetFen(), f.inBudgetSpendingFen(), f.emergencySpendingFen(),
                        f.prepaidFen(), f.depositFen(), f.evaluationPassed(), HospitalRegions.rulesDate(year), ye.balanceFen(),
                        entry);
            }
            return new Posted(admdvs, year, posted, List.copyOf(stored(admdvs, year).values()));
        });
    }

    private Posted repeat(String admdvs, int year, Set<String> failed, Map<String, Row> stored) {
        for (Row r : stored.values()) {
            if (r.evaluationPassed() == failed.contains(r.institutionCode())) {
                throw ApiException.conflict("failed_evaluation", "failed_evaluation: " + year + "'s year-end of region " + admdvs
                        + " was posted with " + r.institutionCode() + (r.evaluationPassed() ? " passing" : " failing")
                        + " its evaluation; it cannot be posted again with other results (correct it in a later year)");
            }
        }
        for (String code : failed) {
            if (!stored.containsKey(code)) {
                throw ApiException.conflict("failed_evaluation", "failed_evaluation: " + code + " has no year-end of " + year
                        + " in region " + admdvs);
            }
        }
        return new Posted(admdvs, year, 0, List.copyOf(stored.values()));
    }

    /**
     * A settlement whose discharged case is paid by DRG or DIP (not by fee): the case year-end settles it
     * (DECISION, docs/decisions.md#case-year-end), so the budget's year-end leaves it out of the spending it counts.
     */
    static final String CASE_PAID = "EXISTS (SELECT 1 FROM discharged_case c WHERE c.setl_id = s.setl_id AND c.status = 'settled'"
            + " AND c.method IS NOT NULL AND c.payment_kind IS NOT NULL AND c.payment_kind NOT IN ('by_fee', 'no_group',"
            + " 'emergency_outside') AND NOT (LOWER(c.method) = 'dip' AND COALESCE(c.points_ppm, 0) = 0))";

    /**
     * The year's figures of a budgeted institution: its pooling spending in the budget and in an emergency, leaving out
     * its case-paid settlements; its prepayments less what the payment runs advanced on those cases (set against the
     * prepayments or held payable like any pooling part; the case year-end counts them as paid).
     */
    private BudgetYearFigures figures(String admdvs, Budgets.Budget b, boolean passed) {
        long[] spending = jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN oth_pay = 0 THEN hifp_pay ELSE 0 END), 0),"
                + " COALESCE(SUM(CASE WHEN oth_pay > 0 THEN hifp_pay ELSE 0 END), 0) FROM settlement s WHERE admdvs = ?"
                + " AND institution_code = ? AND status = 'settled' AND visit_date >= ? AND visit_date <= ? AND NOT " + CASE_PAID,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, admdvs, b.institutionCode(), LocalDate.of(b.year(), 1, 1),
                LocalDate.of(b.year(), 12, 31));
        long[] prepaid = prepayments.paidAndDeposit(admdvs, b.institutionCode(), b.year());
        long caseAdvanced = caseAdvanced(admdvs, b.institutionCode(), b.year());
        if (caseAdvanced > prepaid[0]) {
            throw ApiException.conflict("unfinished", "unfinished: " + b.institutionCode() + "'s case advances of " + b.year()
                    + " (" + Money.format(caseAdvanced) + ") exceed its prepayments (" + Money.format(prepaid[0])
                    + "); its budget's year-end cannot be settled (docs/decisions.md#case-year-end)");
        }
        return new BudgetYearFigures(b.annualFen(), spending[0], spending[1], prepaid[0] - caseAdvanced, prepaid[1], passed);
    }

    /**
     * What the payment runs put on the pooling fund's payable for the institution's case-paid settlements of the year:
     * their hifp_pay moved by the case adjustment (advanced_fen − fund_paid_fen, CaseAdvances), in fen.
     */
    public static long caseAdvanced(JdbcTemplate jdbc, String admdvs, String institution, int year) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(s.hifp_pay + COALESCE((SELECT SUM(c.advanced_fen - c.fund_paid_fen) FROM"
                + " discharged_case c WHERE c.setl_id = s.setl_id AND c.status = 'settled' AND c.advanced_fen IS NOT NULL), 0)), 0)"
                + " FROM settlement s WHERE s.admdvs = ? AND s.institution_code = ? AND s.status = 'settled' AND s.visit_date >= ?"
                + " AND s.visit_date <= ? AND " + CASE_PAID, Long.class, admdvs, institution, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    private long caseAdvanced(String admdvs, String institution, int year) {
        return caseAdvanced(jdbc, admdvs, institution, year);
    }

    private Long postEntry(String admdvs, int year, String code, BudgetYearEnd ye, BudgetYearFigures f) {
        // S: the spending counted; A: the case advances (runs' pooling part of the case-paid settlements); O: offsets
        long spending = f.inBudgetSpendingFen() + f.emergencySpendingFen();
        long caseAdvanced = caseAdvanced(admdvs, code, year);
        long offsets = runs.offsets(code, year);
        long adjustment = ye.totalDueFen() - spending;
        long balance = ye.balanceFen();
        List<Posting> lines = new ArrayList<>();
        add(lines, Accounts.code(admdvs, "pooling:payable_institutions"), spending + caseAdvanced - offsets);
        add(lines, Accounts.code(admdvs, Prepayments.PREPAID), -(f.prepaidFen() + caseAdvanced - offsets));
        add(lines, Accounts.code(admdvs, "pooling:benefits"), adjustment);
        add(lines, Accounts.code(admdvs, "pooling:bank"), -balance);
        if (lines.isEmpty()) return null;
        return ledger.post(new JournalEntry(admdvs, LocalDate.of(year, 12, 31), CAUSE, code + ":" + year, "year-end of "
                + year + " of institution " + code + " against its budget " + Money.format(ye.budgetFen()) + ": due "
                + Money.format(ye.totalDueFen()) + ", prepaid " + Money.format(ye.prepaidFen()) + (caseAdvanced == 0 ? ""
                : " (after " + Money.format(caseAdvanced) + " of case advances settled by the case year-end)") + (balance >= 0
                ? ", the fund pays " + Money.format(balance) : ", the fund claws back " + Money.format(-balance)), null,
                lines));
    }

    /** A debit for a positive amount, a credit for a negative one, nothing for 0. */
    private static void add(List<Posting> lines, String code, long debitMinusCredit) {
        if (debitMinusCredit > 0) lines.add(Posting.debit(code, debitMinusCredit));
        if (debitMinusCredit < 0) lines.add(Posting.credit(code, -debitMinusCredit));
    }

    private Map<String, Row> stored(String admdvs, int year) {
        Map<String, Row> out = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT y.*, i.name FROM institution_year_end y JOIN institution i"
                + " ON i.code = y.institution_code WHERE y.admdvs = ? AND y.budget_year = ? ORDER BY y.institution_code",
                admdvs, year);
        if (rows.isEmpty()) return out;
        BudgetRules rules = regions.rules(admdvs, year);
        for (Map<String, Object> r : rows) {
            BudgetYearFigures f = new BudgetYearFigures(n(r.get("budget_fen")), n(r.get("in_budget_spending_fen")),
                    n(r.get("emergency_spending_fen")), n(r.get("prepaid_fen")), n(r.get("deposit_fen")),
                    (Boolean) r.get("evaluation_passed"));
            String code = (String) r.get("institution_code");
            Object entry = r.get("entry_id");
            out.put(code, row(code, (String) r.get("name"), f, rules, true, entry == null ? null : n(entry)));
        }
        return out;
    }

    private static Row row(String code, String name, BudgetYearFigures f, BudgetRules rules, boolean posted, Long entry) {
        BudgetYearEnd ye = BudgetYearEnd.of(f, rules);
        return new Row(code, name, ye, f.evaluationPassed(), ShownStep.of(ye.steps()), posted, entry);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
