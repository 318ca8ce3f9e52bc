package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.casepayment.CaseAdvances;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.web.ApiException;

/**
 * Payment runs (docs/hospital-payment.md): the agency pays a region's accepted clearing applications not yet paid,
 * one transaction per run, idempotent by the run's id. Each application gets one balanced entry (cause
 * {@code payment}, ref {@code <run>:<application>}), per fund what its covered settlements (still settled) made the
 * fund pay: Dr fund:payable_institutions / Cr fund:bank. The pooling fund's part of an institution with a budget for
 * the year is set against its prepayments instead (Cr pooling:prepaid_institutions, up to what is prepaid and not yet
 * set off); what is beyond them stays payable until the institution's year-end settles it against the budget
 * ("monthly prepayment, yearly settlement", Luo 2020, Appendix 2). An institution without a budget is paid in full.
 */
@Service
public class PaymentRuns {
    public static final String CAUSE = "payment";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final HospitalRegions regions;
    private final Clock clock;

    @Autowired
    public PaymentRuns(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions) {
        this(jdbc, tx, ledger, regions, Clock.systemDefaultZone());
    }

    public PaymentRuns(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.regions = regions;
        this.clock = clock;
    }

    /** A fund's part of an application in a run: set against the prepayments, paid from the bank, held for the year-end. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Line(String clrAppyEvtId, String institutionCode, String institutionName, String fund, BigDecimal amount,
                       BigDecimal offset, BigDecimal paid, BigDecimal held, Long entryId) {}

    /** A run; {@code created} is false when the call found it made already (nothing posted twice). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Run(String runId, String admdvs, LocalDate runDate, BigDecimal total, String createdBy, boolean created,
                      List<Line> lines) {}

    /**
     * Creates and posts the run {@code runId} (generated when null), dated {@code date} (today when null). A run with
     * this id already made is returned as it is. Refused: a bad id (400 run_id), a date in the future (400 date), an id
     * made for another region (409 run_id), a closed year (409 date, from the ledger).
     */
    public Run create(String admdvs, String runId, LocalDate date, String by) {
        regions.require(admdvs);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null ? today : date;
        if (day.isAfter(today)) throw ApiException.badRequest("date", "date: " + day + " is in the future");
        String id = runId == null || runId.isBlank() ? "PR" + today.toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase() : runId.strip();
        if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw ApiException.badRequest("run_id", "run_id: letters, digits, '-' and '_', at most 40, got '" + id + "'");
        }
        return tx.execute(s -> {
            HospitalRegions.lock(jdbc, admdvs);
            List<String> made = jdbc.queryForList("SELECT admdvs FROM payment_run WHERE run_id = ?", String.class, id);
            if (!made.isEmpty()) {
                if (!made.get(0).trim().equals(admdvs)) {
                    throw ApiException.conflict("run_id", "run_id: run " + id + " was made for region " + made.get(0).trim());
                }
                return find(admdvs, id, false);
            }
            jdbc.update("INSERT INTO payment_run (run_id, admdvs, run_date, total_fen, created_by, created_at) VALUES"
                    + " (?, ?, ?, 0, ?, ?)", id, admdvs, day, by, Timestamp.from(clock.instant()));
            long total = 0;
            for (Map<String, Object> a : jdbc.queryForList("SELECT c.clr_appy_evt_id, c.fixmedins_code, d.budget_year"
                    + " FROM clearing_decision d JOIN fsi_clearing c ON c.clr_appy_evt_id = d.clr_appy_evt_id"
                    + " WHERE d.admdvs = ? AND d.decision = 'accepted' AND c.status = 'applied' AND NOT EXISTS (SELECT 1 FROM"
                    + " payment_run_line l WHERE l.clr_appy_evt_id = c.clr_appy_evt_id) ORDER BY c.enddate, c.clr_appy_evt_id",
                    admdvs)) {
                total += pay(admdvs, id, day, (String) a.get("clr_appy_evt_id"), (String) a.get("fixmedins_code"),
                        ((Number) a.get("budget_year")).intValue());
            }
            jdbc.update("UPDATE payment_run SET total_fen = ? WHERE run_id = ?", total, id);
            return find(admdvs, id, true);
        });
    }

    /** Pays one application: its entry and lines; returns what left the banks. */
    private long pay(String admdvs, String runId, LocalDate day, String application, String institution, int year) {
        Map<String, Object> parts = jdbc.queryForMap("SELECT COALESCE(SUM(s.hifp_pay), 0) AS pooling,"
                + " COALESCE(SUM(s.hifob_pay), 0) AS large_amount, COALESCE(SUM(s.hifmi_pay), 0) AS serious_illness,"
                + " COALESCE(SUM(s.cvlserv_pay), 0) AS civil_servant, COALESCE(SUM(s.maf_pay), 0) AS assistance,"
                + " COALESCE(SUM(s.oth_pay), 0) AS emergency, COALESCE(SUM(s.acct_pay), 0) AS individual_accounts"
                + " FROM clearing_settlement cs JOIN settlement s ON s.setl_id = cs.setl_id"
                + " WHERE cs.clr_appy_evt_id = ? AND s.status = 'settled'", application);
        boolean budgeted = jdbc.queryForObject("SELECT COUNT(*) FROM institution_budget WHERE admdvs = ? AND institution_code = ?"
                + " AND budget_year = ?", Integer.class, admdvs, institution, year) > 0;
        JournalEntry.Builder entry = JournalEntry.builder(admdvs, day, CAUSE, runId + ":" + application, "payment run "
                + runId + ": clearing application " + application + " of institution " + institution);
        List<long[]> rows = new ArrayList<>();
        List<Fund> funds = new ArrayList<>();
        long paidFromBanks = 0;
        // cases paid by DRG or DIP are advanced as the case payment rules say (CaseAdvances), not by their fees
        long caseAdjustment = CaseAdvances.advance(jdbc, regions.pack(admdvs), application, runId);
        if (caseAdjustment > 0) entry.move(Fund.POOLING.account("benefits"), Fund.POOLING.account("payable_institutions"), caseAdjustment);
        if (caseAdjustment < 0) entry.move(Fund.POOLING.account("payable_institutions"), Fund.POOLING.account("benefits"), -caseAdjustment);
        for (Fund f : Fund.values()) {
            long amount = ((Number) parts.get(f.key)).longValue() + (f == Fund.POOLING ? caseAdjustment : 0);
            if (amount == 0) continue;
            long offset = 0, held = 0;
            if (f == Fund.POOLING && budgeted) {
                offset = Math.min(amount, prepaidOutstanding(admdvs, institution, year));
                held = amount - offset;
            }
            long bank = amount - offset - held;
            entry.move(f.account("payable_institutions"), Prepayments.PREPAID, offset); // pooling only: 0 otherwise
            entry.move(f.account("payable_institutions"), f.account("bank"), bank);
            rows.add(new long[] {amount, offset, bank, held});
            funds.add(f);
            paidFromBanks += bank;
        }
        Long entryId = entry.isEmpty() ? null : ledger.post(entry.build());
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            jdbc.update("INSERT INTO payment_run_line (run_id, clr_appy_evt_id, institution_code, fund, budget_year, amount_fen,"
                    + " offset_fen, bank_fen, held_fen, entry_id, case_adjustment_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId,
                    application, institution, funds.get(i).key, year, r[0], r[1], r[2], r[3], entryId,
                    funds.get(i) == Fund.POOLING ? caseAdjustment : 0);
        }
        if (rows.isEmpty()) {
            // nothing left to pay (its settlements were cancelled): marked paid with a nil line
            jdbc.update("INSERT INTO payment_run_line (run_id, clr_appy_evt_id, institution_code, fund, budget_year, amount_fen,"
                    + " offset_fen, bank_fen, held_fen, entry_id) VALUES (?, ?, ?, 'pooling', ?, 0, 0, 0, 0, NULL)", runId,
                    application, institution, year);
        }
        return paidFromBanks;
    }

    /** The institution's prepayments of the year (paid) not yet set against its cleared spending, in fen. */
    long prepaidOutstanding(String admdvs, String institution, int year) {
        long prepaid = jdbc.queryForObject("SELECT COALESCE(SUM(paid_fen), 0) FROM institution_prepayment WHERE admdvs = ?"
                + " AND institution_code = ? AND period LIKE ?", Long.class, admdvs, institution, year + "-%");
        return prepaid - offsets(institution, year);
    }

    /** What runs set against the institution's prepayments of the year, in fen. */
    long offsets(String institution, int year) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(offset_fen), 0) FROM payment_run_line WHERE institution_code = ?"
                + " AND budget_year = ? AND fund = 'pooling'", Long.class, institution, year);
    }

    /** A run of the region; 404 run_id when there is none. */
    public Run find(String admdvs, String runId) {
        regions.require(admdvs);
        return find(admdvs, runId, false);
    }

    private Run find(String admdvs, String runId, boolean created) {
        List<Run> runs = jdbc.query("SELECT * FROM payment_run WHERE run_id = ? AND admdvs = ?", (rs, i) -> new Run(
                rs.getString("run_id"), rs.getString("admdvs"), rs.getObject("run_date", LocalDate.class),
                Money.yuan(rs.getLong("total_fen")), rs.getString("created_by"), created, List.of()), runId, admdvs);
        if (runs.isEmpty()) throw ApiException.notFound("run_id", "run_id: no payment run " + runId + " in region " + admdvs);
        Run r = runs.get(0);
        List<Line> lines = jdbc.query("SELECT l.*, i.name FROM payment_run_line l JOIN institution i ON i.code = l.institution_code"
                + " WHERE l.run_id = ? AND l.amount_fen > 0 ORDER BY l.institution_code, l.clr_appy_evt_id, l.fund", (rs, i) -> new Line(
                rs.getString("clr_appy_evt_id"), rs.getString("institution_code"), rs.getString("name"), rs.getString("fund"),
                Money.yuan(rs.getLong("amount_fen")), Money.yuan(rs.getLong("offset_fen")), Money.yuan(rs.getLong("bank_fen")),
                Money.yuan(rs.getLong("held_fen")), (Long) rs.getObject("entry_id", Long.class)), runId);
        lines = lines.stream().sorted(java.util.Comparator.comparing(Line::institutionCode).thenComparing(Line::clrAppyEvtId)
                .thenComparing(l -> Fund.of(l.fund()).ordinal())).toList(); // the funds in the chart's order
        return new Run(r.runId(), r.admdvs().trim(), r.runDate(), r.total(), r.createdBy(), created, lines);
    }

    /** The region's runs, newest first (without their lines). */
    public List<Run> list(String admdvs) {
        regions.require(admdvs);
        return jdbc.query("SELECT * FROM payment_run WHERE admdvs = ? ORDER BY run_date DESC, created_at DESC, run_id",
                (rs, i) -> new Run(rs.getString("run_id"), admdvs, rs.getObject("run_date", LocalDate.class),
                        Money.yuan(rs.getLong("total_fen")), rs.getString("created_by"), false, List.of()), admdvs);
    }

    /**
     * The run's payment file for the bank: a header, one line per institution, application and fund paid from the
     * bank (run id, institution code and name, fund, amount in yuan with 2 decimals, reference = the clearing
     * application), and a total line. Parts set against prepayments or held for the year-end move no money: not in it.
     */
    public String file(String admdvs, String runId) {
        Run run = find(admdvs, runId);
        StringBuilder b = new StringBuilder("run_id,institution_code,institution_name,fund,amount,reference\n");
        for (Line l : run.lines()) {
            if (l.paid().signum() == 0) continue;
            b.append(csv(run.runId())).append(',').append(csv(l.institutionCode())).append(',').append(csv(l.institutionName()))
                    .append(',').append(l.fund()).append(',').append(l.paid().setScale(2).toPlainString()).append(',')
                    .append(csv(l.clrAppyEvtId())).append('\n');
        }
        b.append(csv(run.runId())).append(",TOTAL,,,").append(run.total().setScale(2).toPlainString()).append(",\n");
        return b.toString();
    }

    private static String csv(String s) {
        if (s == null) return "";
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n");
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
