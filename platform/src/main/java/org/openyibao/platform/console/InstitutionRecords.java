package org.openyibao.platform.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.settlement.SettlementStore;

/**
 * What the institution pages read of one designated institution (issue 11): its visits through the interface, its
 * settlements and cancellations, its reconciliations (3201/3202, table {@code fsi_reconciliation}) and clearing
 * applications (3203). Every read names the institution: the caller decides whose (the clerk's own, or any for the
 * agency). Pages of {@code size} rows, newest first, one row more read to tell whether another page follows: no count,
 * no cap on how far one pages.
 */
@Repository
public class InstitutionRecords {
    /** One page of rows: {@code page} from 0, {@code more} when another follows. */
    public record Page<T>(List<T> rows, int page, boolean more) {
        static <T> Page<T> of(List<T> read, int page, int size) {
            return new Page<>(read.size() > size ? read.subList(0, size) : read, page, read.size() > size);
        }
    }

    /** A visit registered through the interface (2201 or 2401): its national visit ID and state. */
    public record Visit(String mdtrtId, String psnNo, String kind, String medType, LocalDateTime begntime, LocalDateTime endtime,
                        String diagnoses, String status) {}

    /** A reconciliation as it was answered: 3201 (totals) or 3202 (detail list); amounts in fen, null where not given. */
    public record Reconciliation(String infno, LocalDateTime time, LocalDate from, LocalDate to, String clrType, String insutype,
                                 Long medfee, Long fund, Long acct, Integer count, boolean agree, String description,
                                 Integer rows, Integer disagreeing, String fileQuryNo) {}

    /** A clearing application (3203), applied or cancelled (3204); amounts in fen. */
    public record Clearing(String id, String clrType, LocalDate from, LocalDate to, long medfee, long fund, long acct, int count,
                           String status, LocalDate applied) {}

    public static final int PAGE = 20;

    /**
     * A year of the institution's budget (docs/hospital-payment.md): the annual budget and how it was set, the
     * prepayments posted (months, paid, quality deposit withheld) and the year-end balance once posted (null before).
     */
    public record BudgetYear(int year, String basis, long annual, int months, long paid, long deposit, Long balance) {}
    private final JdbcTemplate jdbc;
    private final SettlementStore settlements;

    public InstitutionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.settlements = new SettlementStore(jdbc);
    }

    /** Institutions whose code or name starts with, or whose name or district holds, {@code q}, or of level {@code q}; by code. */
    public Page<Institution> search(String q, int page) {
        String t = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Institution> read = jdbc.query("SELECT code, name, level, type, admdvs, district, designated_from, designated_until"
                + " FROM institution WHERE ? = '' OR LOWER(code) LIKE ? OR LOWER(name) LIKE ? OR LOWER(COALESCE(district, '')) LIKE ?"
                + " OR level = ? ORDER BY code LIMIT ? OFFSET ?", (rs, i) -> new Institution(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class)), t, like, like, like, t, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    public Page<SettlementStore.Listed> settlements(String code, int page) {
        return Page.of(settlements.forInstitution(code, page, PAGE), page, PAGE);
    }

    /** The institution's cancelled settlements, newest visit first. */
    public Page<SettlementStore.Listed> cancellations(String code, int page) {
        List<SettlementStore.Listed> read = jdbc.query("SELECT s.setl_id, s.visit_date, p.psn_no, s.visit_type, s.medfee_sumamt,"
                + " s.fund_pay_sumamt, s.acct_pay, s.psn_cash_pay FROM settlement s JOIN person p ON p.id = s.person_id"
                + " WHERE s.institution_code = ? AND s.status = 'cancelled' ORDER BY s.visit_date DESC, s.id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new SettlementStore.Listed(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), true),
                code, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    public Page<Visit> visits(String code, int page) {
        List<Visit> read = jdbc.query("SELECT mdtrt_id, psn_no, kind, med_type, begntime, endtime, diagnoses, status FROM fsi_visit"
                + " WHERE fixmedins_code = ? ORDER BY begntime DESC, mdtrt_id DESC LIMIT ? OFFSET ?", (rs, i) -> new Visit(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class),
                rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getString(8)), code, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    public Page<Reconciliation> reconciliations(String code, int page) {
        List<Reconciliation> read = jdbc.query("SELECT infno, stmt_time, stmt_begndate, stmt_enddate, clr_type, insutype,"
                + " medfee_sumamt, fund_pay_sumamt, acct_pay, setl_cnt, stmt_rslt, stmt_rslt_dscr, rows_total, rows_disagreeing,"
                + " file_qury_no FROM fsi_reconciliation WHERE fixmedins_code = ? ORDER BY stmt_time DESC, id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Reconciliation(rs.getString(1), rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), (Long) rs.getObject(7, Long.class),
                        rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Integer.class),
                        "0".equals(rs.getString(11)), rs.getString(12), rs.getObject(13, Integer.class),
                        rs.getObject(14, Integer.class), rs.getString(15)), code, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    public Page<Clearing> clearings(String code, int page) {
        List<Clearing> read = jdbc.query("SELECT clr_appy_evt_id, clr_type, begndate, enddate, medfee_sumamt, fund_pay_sumamt, acct_pay,"
                + " setl_cnt, " + CLEARING_STATUS + ", created_at FROM fsi_clearing c WHERE fixmedins_code = ? ORDER BY created_at DESC,"
                + " clr_appy_evt_id LIMIT ? OFFSET ?", (rs, i) -> new Clearing(rs.getString(1), rs.getString(2),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getInt(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class).toLocalDate()), code, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    public Page<BudgetYear> budgets(String code, int page) {
        List<BudgetYear> read = jdbc.query("SELECT b.budget_year, b.basis, b.annual_fen, COUNT(p.period),"
                + " COALESCE(SUM(p.paid_fen), 0), COALESCE(SUM(p.deposit_fen), 0), y.balance_fen FROM institution_budget b"
                + " LEFT JOIN institution_prepayment p ON p.admdvs = b.admdvs AND p.institution_code = b.institution_code"
                + " AND p.period LIKE CAST(b.budget_year AS VARCHAR(4)) || '-%'"
                + " LEFT JOIN institution_year_end y ON y.admdvs = b.admdvs AND y.institution_code = b.institution_code"
                + " AND y.budget_year = b.budget_year WHERE b.institution_code = ?"
                + " GROUP BY b.budget_year, b.basis, b.annual_fen, y.balance_fen ORDER BY b.budget_year DESC LIMIT ? OFFSET ?",
                (rs, i) -> new BudgetYear(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                        rs.getLong(6), (Long) rs.getObject(7, Long.class)), code, PAGE + 1, offset(page));
        return Page.of(read, page, PAGE);
    }

    /**
     * An application's status with the agency's decision (docs/hospital-payment.md): applied (not yet decided),
     * cancelled (3204), accepted, rejected, paid (by a payment run).
     */
    private static final String CLEARING_STATUS = "CASE WHEN c.status = 'cancelled' THEN 'cancelled'"
            + " WHEN EXISTS (SELECT 1 FROM payment_run_line l WHERE l.clr_appy_evt_id = c.clr_appy_evt_id) THEN 'paid'"
            + " ELSE COALESCE((SELECT d.decision FROM clearing_decision d WHERE d.clr_appy_evt_id = c.clr_appy_evt_id),"
            + " 'applied') END";

    private static long offset(int page) {
        return (long) Math.max(0, page) * PAGE;
    }
}
