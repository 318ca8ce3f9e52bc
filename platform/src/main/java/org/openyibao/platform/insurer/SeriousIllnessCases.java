package org.openyibao.platform.insurer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.AuditReason;
import org.openyibao.engine.policy.CaseAudit;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * The serious-illness insurer's case audit (issue 13, docs/insurer.md#audit): the region's cases (one per settlement
 * the serious-illness fund paid, opened by {@link CaseBook}), the decisions on them and what they post. A decision is
 * final: approve (the amount stands), adjust (a new serious-illness amount, with a reason the pack allows for
 * adjust) or reject (0, with a reason allowed for reject). An adjustment down is recovered from the institution
 * (Dr serious_illness:payable_institutions, Cr serious_illness:recoveries), one up is paid further (Dr
 * serious_illness:benefits, Cr serious_illness:payable_institutions), dated the decision day, in the decision's
 * transaction. {@code yibao close-year} reads {@link #unfinished}, {@link #recoveriesFen}, {@link #furtherPaymentsFen}.
 */
@Service
public class SeriousIllnessCases {
    static final String RECOVERIES = "serious_illness:recoveries";
    static final String PAYABLE = "serious_illness:payable_institutions";
    static final String BENEFITS = "serious_illness:benefits";
    /** Longest note a decision keeps. */
    public static final int NOTE_MAX = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;
    private final Clock clock;
    private final CaseBook book;

    public SeriousIllnessCases(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
        this.clock = clock;
        this.book = new CaseBook(jdbc, packs, ledger);
    }

    /** A case as the queue shows it (no personal data: the slip shows the person, masked as the role says). */
    public record Case(long id, String setlId, String institutionCode, String institutionName, LocalDate visitDate,
                       long settledFen, long amountFen, String status, String sampling) {
        public BigDecimal settled() {
            return Money.yuan(settledFen);
        }

        public BigDecimal amount() {
            return Money.yuan(amountFen);
        }
    }

    /** One page of a queue: its rows, which page, and how many cases match in all. */
    public record Page(List<Case> rows, int page, int size, long total) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** A decision as recorded. */
    public record Decision(long caseId, String decision, String reasonCode, String note, long fromFen, long toFen,
                           Long entryId, LocalDate decidedOn, String operator) {
        public BigDecimal from() {
            return Money.yuan(fromFen);
        }

        public BigDecimal to() {
            return Money.yuan(toFen);
        }
    }

    /** What the insurer decides: approve, adjust (to {@code newAmount} yuan) or reject, a reason code, a note. */
    public record DecisionRequest(String decision, String newAmount, String reasonCode, String note) {}

    /** The region's cases that match {@code f}, newest settlement first. */
    public Page list(String admdvs, CaseFilter f) {
        backfill(admdvs);
        StringBuilder where = new StringBuilder(" WHERE c.admdvs = ?");
        List<Object> args = new ArrayList<>(List.of(admdvs));
        if (f.status() != null) { where.append(" AND c.status = ?"); args.add(f.status()); }
        if (f.month() != null) {
            where.append(" AND c.visit_date BETWEEN ? AND ?");
            args.add(f.monthStart());
            args.add(f.monthEnd());
        }
        if (f.institution() != null) { where.append(" AND c.institution_code = ?"); args.add(f.institution()); }
        if (f.fromFen() != null) { where.append(" AND c.settled_fen >= ?"); args.add(f.fromFen()); }
        if (f.toFen() != null) { where.append(" AND c.settled_fen <= ?"); args.add(f.toFen()); }
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM si_case c" + where, Long.class, args.toArray());
        args.add(f.size());
        args.add((long) (f.page() - 1) * f.size());
        List<Case> rows = jdbc.query(SELECT + where + " ORDER BY c.visit_date DESC, c.id DESC LIMIT ? OFFSET ?",
                (rs, i) -> row(rs), args.toArray());
        return new Page(rows, f.page(), f.size(), total);
    }

    private static final String SELECT = "SELECT c.*, i.name AS institution_name FROM si_case c"
            + " JOIN institution i ON i.code = c.institution_code";

    private static Case row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Case(rs.getLong("id"), rs.getString("setl_id"), rs.getString("institution_code"),
                rs.getString("institution_name"), rs.getDate("visit_date").toLocalDate(), rs.getLong("settled_fen"),
                rs.getLong("amount_fen"), rs.getString("status"), rs.getString("sampling"));
    }

    /** The case {@code id} of the region; another region's (or none) is "not found". */
    public Case find(String admdvs, long id) {
        List<Case> rows = jdbc.query(SELECT + " WHERE c.id = ? AND c.admdvs = ?", (rs, i) -> row(rs), id, admdvs);
        if (rows.isEmpty()) throw ApiException.notFound("case_id", "case_id: no case " + id + " in region " + admdvs);
        return rows.get(0);
    }

    /** The decision on case {@code id}, if it has one. */
    public Optional<Decision> decision(long id) {
        return jdbc.query("SELECT * FROM si_case_decision WHERE case_id = ?", (rs, i) -> new Decision(rs.getLong("case_id"),
                rs.getString("decision"), rs.getString("reason_code"), rs.getString("note"), rs.getLong("from_fen"),
                rs.getLong("to_fen"), (Long) rs.getObject("entry_id", Long.class), rs.getDate("decided_on").toLocalDate(),
                rs.getString("operator")), id).stream().findFirst();
    }

    /** The reasons the pack in force on the case's settlement date allows, for each decision. */
    public List<AuditReason> reasons(String admdvs, LocalDate date) {
        CaseAudit a = audit(admdvs, date);
        return a == null ? List.of() : a.reasons();
    }

    /**
     * Decides case {@code id} of the region, in one transaction with its entry; {@code operator} is who decided.
     * Refused: another region's case (404), a case not open (409: decided, withdrawn, passed without review), a bad
     * decision, reason or amount (400 naming the field).
     */
    public Decision decide(String admdvs, long id, DecisionRequest req, String operator) {
        return tx.execute(s -> {
            List<Long> locked = jdbc.queryForList("SELECT id FROM si_case WHERE id = ? AND admdvs = ? FOR UPDATE", Long.class,
                    id, admdvs);
            if (locked.isEmpty()) throw ApiException.notFound("case_id", "case_id: no case " + id + " in region " + admdvs);
            Case c = find(admdvs, id);
            if (!"open".equals(c.status())) {
                throw ApiException.conflict("case_id", "case_id: case " + id + " is " + c.status().replace('_', ' ')
                        + (c.status().equals("not_sampled") ? " (passed without review)" : "") + "; a case is decided once");
            }
            long to = new DecisionRules(audit(admdvs, c.visitDate()), c, settlementBound(c.setlId())).check(req);
            LocalDate today = LocalDate.now(clock);
            Long entry = post(admdvs, c, to, today);
            String note = req.note() == null || req.note().isBlank() ? null : req.note().trim();
            String reason = req.reasonCode() == null || req.reasonCode().isBlank() ? null : req.reasonCode().trim();
            jdbc.update("INSERT INTO si_case_decision (case_id, decision, reason_code, note, from_fen, to_fen, entry_id,"
                    + " decided_on, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, req.decision(), reason, note,
                    c.amountFen(), to, entry, today, operator);
            String status = switch (req.decision()) {
                case "approve" -> "approved";
                case "adjust" -> "adjusted";
                default -> "rejected";
            };
            jdbc.update("UPDATE si_case SET status = ?, amount_fen = ? WHERE id = ?", status, to, id);
            return decision(id).orElseThrow();
        });
    }

    /** The adjustment's balanced entry, or null when the amount stands. */
    private Long post(String admdvs, Case c, long to, LocalDate today) {
        long from = c.amountFen();
        if (to == from) return null;
        JournalEntry.Builder b = JournalEntry.builder(admdvs, today, "si_case", Long.toString(c.id()), (to < from
                ? "recovery from institution " : "further payment to institution ") + c.institutionCode() + ", case "
                + c.id() + " (settlement " + c.setlId() + ")");
        if (to < from) b.move(PAYABLE, RECOVERIES, from - to);
        else b.move(BENEFITS, PAYABLE, to - from);
        return ledger.post(b.build());
    }

    /** The most the serious-illness fund may pay on the settlement: the bill less what the other funds paid. */
    private long settlementBound(String setlId) {
        Map<String, Object> s = jdbc.queryForMap("SELECT medfee_sumamt, fund_pay_sumamt, hifmi_pay FROM settlement WHERE setl_id = ?",
                setlId);
        return n(s.get("medfee_sumamt")) - (n(s.get("fund_pay_sumamt")) - n(s.get("hifmi_pay")));
    }

    /** One readable line per case of {@code year}'s settlements still open (for {@code yibao close-year}). */
    public List<String> unfinished(String admdvs, int year) {
        backfill(admdvs);
        return jdbc.query("SELECT id, setl_id, visit_date FROM si_case WHERE admdvs = ? AND status = 'open'"
                + " AND visit_date BETWEEN ? AND ? ORDER BY visit_date, id", (rs, i) -> "case " + rs.getLong("id")
                + " (settlement " + rs.getString("setl_id") + ", " + rs.getDate("visit_date").toLocalDate() + ") is open",
                admdvs, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Recovered from institutions by the audit, on entries dated in {@code year} (net of withdrawn cases'). */
    public long recoveriesFen(String admdvs, int year) {
        return -movement(admdvs, year, RECOVERIES);
    }

    /** Paid further to institutions by the audit, on entries dated in {@code year} (net of withdrawn cases'). */
    public long furtherPaymentsFen(String admdvs, int year) {
        return movement(admdvs, year, BENEFITS);
    }

    /** Σ debits − Σ credits on the account by the audit's entries dated in the year. */
    private long movement(String admdvs, int year, String account) {
        Long v = jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE e.admdvs = ? AND e.cause_type = 'si_case' AND a.code = ? AND e.entry_date BETWEEN ? AND ?",
                Long.class, admdvs, admdvs + ":" + account, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return v == null ? 0 : v;
    }

    /** Opens the cases of settlements recorded before cases existed (CaseBook.backfill), in its own transaction. */
    public int backfill(String admdvs) {
        Integer n = tx.execute(s -> book.backfill(admdvs));
        return n == null ? 0 : n;
    }

    private CaseAudit audit(String admdvs, LocalDate date) {
        List<String> pack = jdbc.queryForList("SELECT policy_pack FROM region WHERE admdvs = ?", String.class, admdvs);
        return pack.isEmpty() ? null : CaseAudit.of(packs.pack(pack.get(0)), date);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
