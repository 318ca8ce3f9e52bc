package org.openyibao.platform.hospital;

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

import org.openyibao.engine.hospital.MonthlyPrepayment;
import org.openyibao.engine.hospital.PrepaymentSchedule;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.web.ApiException;

/**
 * Monthly prepayments to institutions against their budgets (docs/hospital-payment.md): for a region and month, each
 * institution with a budget for the year is paid the month's prepayment less the quality deposit
 * ({@link PrepaymentSchedule}), one balanced entry each, Dr pooling:prepaid_institutions / Cr pooling:bank, dated the
 * month's first day (cause {@code prepayment}, ref {@code <institution>:<YYYY-MM>}); the deposit withheld is recorded
 * in table institution_prepayment, not moved (the fund keeps the money until the year-end). Idempotent per institution
 * and month like the fiscal transfers: a second run finds the rows and posts nothing.
 */
@Service
public class Prepayments {
    public static final String CAUSE = "prepayment";
    static final String PREPAID = "pooling:prepaid_institutions";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final HospitalRegions regions;
    private final Budgets budgets;
    private final Clock clock;

    @Autowired
    public Prepayments(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions, Budgets budgets) {
        this(jdbc, tx, ledger, regions, budgets, Clock.systemDefaultZone());
    }

    public Prepayments(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, HospitalRegions regions, Budgets budgets,
                       Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.regions = regions;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** One institution's month; {@code postedNow} when this call paid it. Amounts in yuan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String institutionCode, String institutionName, String month, BigDecimal budget, BigDecimal prepayment,
                      BigDecimal deposit, BigDecimal paid, Long entryId, boolean postedNow) {}

    /** The month: the institutions' rows and how many this call posted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Result(String admdvs, String month, int posted, List<Row> rows, BigDecimal paid, BigDecimal deposit) {}

    /**
     * Posts the month's prepayments. Refused, naming the field: year or month missing or invalid (400), a month not
     * yet begun (409 month), an unknown region (404 admdvs), a pack without budget rules (422 hospital.budget), a
     * closed year (409 date, from the ledger).
     */
    public Result post(String admdvs, Integer year, Integer month) {
        regions.require(admdvs);
        YearMonth m = month(year, month);
        if (m.atDay(1).isAfter(LocalDate.now(clock))) {
            throw ApiException.conflict("month", "month: " + m + " has not begun; its prepayment is paid on its first day");
        }
        BudgetRules rules = regions.rules(admdvs, m.getYear());
        return tx.execute(s -> {
            HospitalRegions.lock(jdbc, admdvs);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM institution_year_end WHERE admdvs = ? AND budget_year = ?",
                    Integer.class, admdvs, m.getYear()) > 0) {
                throw ApiException.conflict("month", "month: " + m.getYear() + "'s institutions are settled against their"
                        + " budgets already; no more prepayments for it");
            }
            java.util.Set<String> now = new java.util.HashSet<>();
            for (Budgets.Budget b : budgets.list(admdvs, m.getYear())) {
                if (!rows(admdvs, b.institutionCode(), m).isEmpty()) continue;
                MonthlyPrepayment p = PrepaymentSchedule.of(rules, b.engine()).months().get(m.getMonthValue() - 1);
                Long entry = null;
                if (p.paidFen() > 0) {
                    entry = ledger.post(JournalEntry.builder(admdvs, m.atDay(1), CAUSE, b.institutionCode() + ":" + m,
                                    "prepayment of " + m + " to institution " + b.institutionCode() + ": "
                                            + Money.format(p.prepaymentFen()) + " less the quality deposit "
                                            + Money.format(p.depositFen()))
                            .move(PREPAID, "pooling:bank", p.paidFen()).build());
                }
                jdbc.update("INSERT INTO institution_prepayment (admdvs, institution_code, period, budget_fen, prepayment_fen,"
                                + " deposit_fen, paid_fen, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", admdvs, b.institutionCode(),
                        m.toString(), p.budgetFen(), p.prepaymentFen(), p.depositFen(), p.paidFen(), entry);
                now.add(b.institutionCode());
            }
            List<Row> rows = month(admdvs, m, now);
            return new Result(admdvs, m.toString(), now.size(), rows, rows.stream().map(Row::paid).reduce(BigDecimal.ZERO,
                    BigDecimal::add), rows.stream().map(Row::deposit).reduce(BigDecimal.ZERO, BigDecimal::add));
        });
    }

    /** The year's prepayments of the region, month by month, institution by institution. */
    public List<Row> year(String admdvs, Integer yearGiven) {
        regions.require(admdvs);
        int year = HospitalRegions.year(yearGiven);
        return query(" WHERE p.admdvs = ? AND p.period LIKE ? ORDER BY p.period, p.institution_code", admdvs, year + "-%");
    }

    /** Per institution with a budget for {@code year}, the months whose prepayments are not posted, in words. */
    List<String> unposted(String admdvs, int year) {
        List<String> out = new ArrayList<>();
        for (Budgets.Budget b : budgets.list(admdvs, year)) {
            List<String> months = new ArrayList<>();
            for (int mm = 1; mm <= 12; mm++) {
                YearMonth m = YearMonth.of(year, mm);
                if (rows(admdvs, b.institutionCode(), m).isEmpty()) months.add(m.toString());
            }
            if (!months.isEmpty()) {
                out.add(b.institutionCode() + " (" + b.institutionName() + "): prepayments not posted for "
                        + String.join(", ", months));
            }
        }
        return out;
    }

    /** What was prepaid to the institution in the year (paid, and the deposit withheld), in fen. */
    long[] paidAndDeposit(String admdvs, String code, int year) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(paid_fen), 0), COALESCE(SUM(deposit_fen), 0) FROM"
                + " institution_prepayment WHERE admdvs = ? AND institution_code = ? AND period LIKE ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, admdvs, code, year + "-%");
    }

    private List<Row> month(String admdvs, YearMonth m, java.util.Set<String> postedNow) {
        return query(" WHERE p.admdvs = ? AND p.period = ? ORDER BY p.institution_code", admdvs, m.toString()).stream()
                .map(r -> new Row(r.institutionCode(), r.institutionName(), r.month(), r.budget(), r.prepayment(), r.deposit(),
                        r.paid(), r.entryId(), postedNow.contains(r.institutionCode()))).toList();
    }

    private List<Row> rows(String admdvs, String code, YearMonth m) {
        return query(" WHERE p.admdvs = ? AND p.institution_code = ? AND p.period = ?", admdvs, code, m.toString());
    }

    private List<Row> query(String where, Object... args) {
        return jdbc.query("SELECT p.*, i.name FROM institution_prepayment p JOIN institution i ON i.code = p.institution_code"
                + where, (rs, i) -> new Row(rs.getString("institution_code"), rs.getString("name"), rs.getString("period"),
                Money.yuan(rs.getLong("budget_fen")), Money.yuan(rs.getLong("prepayment_fen")),
                Money.yuan(rs.getLong("deposit_fen")), Money.yuan(rs.getLong("paid_fen")),
                (Long) rs.getObject("entry_id", Long.class), false), args);
    }

    static YearMonth month(Integer year, Integer month) {
        HospitalRegions.year(year);
        if (month == null) throw ApiException.badRequest("month", "month: required (1 to 12)");
        if (month < 1 || month > 12) throw ApiException.badRequest("month", "month: 1 to 12, got " + month);
        return YearMonth.of(year, month);
    }
}
