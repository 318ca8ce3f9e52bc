package org.openyibao.platform.yearend;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.platform.casepayment.CaseYearEndEntries;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.YearEndClose;
import org.openyibao.platform.web.ApiException;

/**
 * {@code yibao close-year} (issue 13; docs/year-end.md): closes a region's year as a whole, in one transaction —
 * refuses an unfinished year listing everything left ({@link UnfinishedWork}); works out the insurer's year-end under
 * its contract from the ledger's figures ({@link InsurerLedgerFigures}, {@link InsurerYearEnd}) and posts its entries
 * ({@link InsurerYearEndEntries}); posts each institution's year-end against its budget ({@link InstitutionYearEnds})
 * and each hospital's DRG/DIP year-end ({@link CaseYearEndEntries});
 * then the ledger's closing entry ({@link YearEndClose}); and records the inputs.
 * A second run with the same inputs posts nothing and returns the same year; with other inputs it is refused naming
 * the one that differs.
 */
public class CloseYear {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final InsurerPremium insurerPremium;
    private final InstitutionYearEnds institutions;
    private final CaseYearEndEntries cases;
    private final YearEndClose ledgerClose;
    private final List<UnfinishedWork> works;
    private final Clock clock;

    public CloseYear(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, InsurerPremium insurerPremium,
                     InstitutionYearEnds institutions, CaseYearEndEntries cases, YearEndClose ledgerClose,
                     List<UnfinishedWork> works, Clock clock) {
        this.institutions = institutions;
        this.cases = cases;
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.insurerPremium = insurerPremium;
        this.ledgerClose = ledgerClose;
        this.works = List.copyOf(works);
        this.clock = clock;
    }

    /** Everything left before {@code year} can be closed, by kind of work; empty when nothing is. */
    public Map<String, List<String>> unfinished(String admdvs, int year) {
        Map<String, List<String>> left = new LinkedHashMap<>();
        for (UnfinishedWork w : works) {
            List<String> lines = w.unfinished(admdvs, year);
            if (!lines.isEmpty()) left.put(w.what(), lines);
        }
        return left;
    }

    /** The year as it would close with these inputs, posting nothing (entry ids empty); refused as {@link #close} is. */
    public ClosedYear preview(String admdvs, int year, YearEndInputs inputs) {
        return tx.execute(s -> {
            requireYear(admdvs, year);
            return view(admdvs, year, inputs, false, null, null);
        });
    }

    /** Closes the year (see the class); refused: bad year 400, unknown region 404, a year not over or unfinished 409. */
    public ClosedYear close(String admdvs, int year, YearEndInputs inputs) {
        return tx.execute(s -> {
            requireYear(admdvs, year);
            jdbc.queryForList("SELECT id FROM ledger_account WHERE admdvs = ? ORDER BY id FOR UPDATE", Long.class, admdvs);
            Optional<Map<String, Object>> done = closedRow(admdvs, year);
            if (done.isPresent()) return again(admdvs, year, inputs, done.get());
            ledger.closingEntry(admdvs, year).ifPresent(id -> {
                throw ApiException.conflict("year", "year: " + year + " of region " + admdvs + " was closed on the ledger alone"
                        + " (closing entry " + id + "), without the insurer's and the institutions' year-end");
            });
            Map<String, List<String>> left = unfinished(admdvs, year);
            if (!left.isEmpty()) throw new YearNotFinished(admdvs, year, left);
            ClosedYear planned = view(admdvs, year, inputs, false, null, null);
            List<Long> insurerEntries = planned.insurer() == null ? List.of()
                    : InsurerYearEndEntries.post(ledger, admdvs, year, planned.insurer().steps());
            institutions.post(admdvs, year, inputs.failedInstitutions());
            cases.post(admdvs, year);
            YearEndClose.Result closing = ledgerClose.close(admdvs, year);
            Timestamp at = Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            jdbc.update("INSERT INTO year_close (admdvs, fiscal_year, insurer_admin_cost_fen, policy_change_loss_fen,"
                            + " insurer_evaluation_passed, failed_institutions, closing_entry_id, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    admdvs, year, inputs.insurerAdministrationCostFen(), inputs.policyChangeLossFen(),
                    inputs.insurerEvaluationPassed(), inputs.failedList(), closing.entryId(), at);
            return view(admdvs, year, inputs, false, closing, at.toInstant().toString()).withInsurerEntries(insurerEntries);
        });
    }

    /** The year as it was closed (with the inputs it was closed with), or empty when it is not closed. */
    public Optional<ClosedYear> closed(String admdvs, int year) {
        return tx.execute(s -> {
            requireRegionAndYear(admdvs, year);
            return closedRow(admdvs, year).map(row -> again(admdvs, year, stored(row), row));
        });
    }

    /** A second run: the same inputs give the year as closed, other inputs are refused naming the first that differs. */
    private ClosedYear again(String admdvs, int year, YearEndInputs inputs, Map<String, Object> row) {
        YearEndInputs stored = stored(row);
        String differs = differs(stored, inputs);
        if (differs != null) {
            throw ApiException.conflict(differs, differs + ": year " + year + " of region " + admdvs + " was closed on "
                    + row.get("closed_at") + " with " + differs + " " + shown(differs, stored) + ", not " + shown(differs, inputs)
                    + "; a closed year is not closed again (corrections go in an open year)");
        }
        long closingId = ((Number) row.get("closing_entry_id")).longValue();
        YearEndClose.Result closing = closingEntry(admdvs, year, closingId);
        ClosedYear v = view(admdvs, year, stored, true, closing, String.valueOf(row.get("closed_at")));
        return v.insurer() == null ? v : v.withInsurerEntries(postedEntries(year, v.insurer().steps()));
    }

    /**
     * What the closing entry carried into each fund's balance, read back from its lines (income accounts are debited
     * by what they held, expense accounts credited): the same figures the close reported when it posted it.
     */
    private YearEndClose.Result closingEntry(String admdvs, int year, long entryId) {
        Map<String, long[]> perFund = new LinkedHashMap<>();
        jdbc.query("SELECT a.fund, a.kind, l.debit_fen - l.credit_fen FROM journal_line l JOIN ledger_account a"
                + " ON a.id = l.account_id WHERE l.entry_id = ? AND a.kind IN ('income', 'expense')", rs -> {
            long[] t = perFund.computeIfAbsent(rs.getString(1), k -> new long[2]);
            if ("income".equals(rs.getString(2))) t[0] += rs.getLong(3);
            else t[1] -= rs.getLong(3);
        }, entryId);
        List<YearEndClose.Closed> funds = new ArrayList<>();
        for (org.openyibao.platform.ledger.Accounts.Fund f : org.openyibao.platform.ledger.Accounts.Fund.values()) {
            long[] t = perFund.get(f.key);
            if (t != null) funds.add(new YearEndClose.Closed(f.key, Money.yuan(t[0]), Money.yuan(t[1]), Money.yuan(t[0] - t[1])));
        }
        return new YearEndClose.Result(admdvs, year, entryId, funds);
    }

    private static YearEndInputs stored(Map<String, Object> row) {
        return new YearEndInputs(((Number) row.get("insurer_admin_cost_fen")).longValue(),
                ((Number) row.get("policy_change_loss_fen")).longValue(), (Boolean) row.get("insurer_evaluation_passed"),
                split((String) row.get("failed_institutions")));
    }

    private ClosedYear view(String admdvs, int year, YearEndInputs inputs, boolean again, YearEndClose.Result closing,
                            String closedAt) {
        String name = jdbc.queryForObject("SELECT name FROM region WHERE admdvs = ?", String.class, admdvs);
        return new ClosedYear(admdvs, name, year, inputs, again, insurer(admdvs, year, inputs),
                institutions.preview(admdvs, year, inputs.failedInstitutions()), cases.preview(admdvs, year), closing, closedAt);
    }

    /** The insurer's part worked out from the ledger (the year-end's own entries are never among its figures). */
    private ClosedYear.Insurer insurer(String admdvs, int year, YearEndInputs inputs) {
        InsurerContract contract;
        try {
            contract = insurerPremium.contract(admdvs, year);
        } catch (ApiException e) {
            if ("insurer.contract".equals(e.field())) return null;
            throw e;
        }
        InsurerLedgerFigures f = InsurerLedgerFigures.read(jdbc, admdvs, year);
        YearEnd y;
        try {
            y = InsurerYearEnd.of(new YearEndFigures(f.premium().fen(), f.claimsFen(), inputs.insurerAdministrationCostFen(),
                    inputs.policyChangeLossFen(), inputs.insurerEvaluationPassed()), contract);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("policy_change_loss", e.getMessage());
        }
        requirePosted("reserve withheld", f.reserve().fen(), y.reserveWithheldFen(), admdvs, year);
        requirePosted("instalments paid", f.instalments().fen(), y.transferredFen(), admdvs, year);
        List<InsurerYearEndEntries.Step> steps = InsurerYearEndEntries.steps(y, f);
        return new ClosedYear.Insurer(contract.profitRate().cited().source(), f, y, steps, List.of(),
                RegulatorFigures.of(y, beneficiaries(admdvs, year)),
                InsurerYearEndEntries.owedToInsurer(f.premium().fen() - f.reserve().fen() - f.instalments().fen(), steps));
    }

    private static void requirePosted(String what, long posted, long contract, String admdvs, int year) {
        if (posted != contract) {
            throw ApiException.conflict("year", "year: " + year + " of region " + admdvs + ": " + what + " on the ledger "
                    + Money.format(posted) + " ≠ " + Money.format(contract) + " by the contract on the year's premium;"
                    + " post the insurer's December (POST /api/funds/" + admdvs + "/insurer-premium?year=" + year + "&month=12)");
        }
    }

    /** Persons with a serious-illness payment in a settlement of the year at the region (cancelled ones apart). */
    private long beneficiaries(String admdvs, int year) {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT person_id) FROM settlement WHERE admdvs = ? AND status = 'settled'"
                + " AND hifmi_pay > 0 AND visit_date >= ? AND visit_date <= ?", Long.class, admdvs,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private List<Long> postedEntries(int year, List<InsurerYearEndEntries.Step> steps) {
        List<Long> ids = new ArrayList<>();
        for (InsurerYearEndEntries.Step st : steps) {
            ids.add(jdbc.queryForObject("SELECT id FROM journal_entry WHERE cause_type = ? AND cause_ref = ?", Long.class,
                    InsurerYearEndEntries.CAUSE, year + ":" + st.step()));
        }
        return ids;
    }

    private void requireYear(String admdvs, int year) {
        requireRegionAndYear(admdvs, year);
        if (year >= LocalDate.now(clock).getYear()) {
            throw ApiException.conflict("year", "year: " + year + " is not over; only a past year can be closed");
        }
    }

    private void requireRegionAndYear(String admdvs, int year) {
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            throw ApiException.badRequest("region", "region: must be a 6-digit region code (admdvs), got '" + admdvs + "'");
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE admdvs = ?", Integer.class, admdvs);
        if (n == 0) throw ApiException.notFound("region", "region: no region " + admdvs);
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
    }

    private Optional<Map<String, Object>> closedRow(String admdvs, int year) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM year_close WHERE admdvs = ? AND fiscal_year = ?",
                admdvs, year);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static String differs(YearEndInputs a, YearEndInputs b) {
        if (a.insurerAdministrationCostFen() != b.insurerAdministrationCostFen()) return "insurer_admin_cost";
        if (a.policyChangeLossFen() != b.policyChangeLossFen()) return "policy_change_loss";
        if (a.insurerEvaluationPassed() != b.insurerEvaluationPassed()) return "insurer_evaluation";
        if (!a.failedInstitutions().equals(b.failedInstitutions())) return "failed_evaluation";
        return null;
    }

    private static String shown(String input, YearEndInputs i) {
        return switch (input) {
            case "insurer_admin_cost" -> Money.format(i.insurerAdministrationCostFen());
            case "policy_change_loss" -> Money.format(i.policyChangeLossFen());
            case "insurer_evaluation" -> i.insurerEvaluationPassed() ? "passed" : "failed";
            default -> i.failedInstitutions().isEmpty() ? "(none)" : i.failedList();
        };
    }

    private static java.util.Set<String> split(String list) {
        return list == null || list.isBlank() ? java.util.Set.of() : java.util.Set.of(list.split(","));
    }
}
