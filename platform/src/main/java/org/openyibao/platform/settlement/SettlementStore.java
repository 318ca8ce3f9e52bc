package org.openyibao.platform.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.settlement.Ineligibility;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.engine.settlement.Visit;

/**
 * The {@code settlement} table: one row per settled visit, every national field a column named as the
 * field ({@link SettlementField}), with the visit's facts, the reason it was not insured (a code and
 * its words), the card's credit and payment, the trace, the ledger entry and the accumulator delta a
 * cancellation gives back. No rules here: what to store is decided by {@link SettlementService}.
 */
public final class SettlementStore {
    private static final List<String> FACTS = List.of("setl_id", "person_id", "institution_code", "admdvs", "visit_date",
            "visit_type", "level", "fiscal_year", "eligible", "reason", "reason_words", "outpatient_card_credit",
            "outpatient_card_paid", "trace", "entry_id", "acc_delta");
    private static final String INSERT;

    static {
        List<String> columns = new ArrayList<>(FACTS);
        for (SettlementField f : SettlementField.values()) columns.add(f.national());
        INSERT = "INSERT INTO settlement (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /** A row as stored, for cancellation. */
    public record Row(String setlId, long personId, int fiscalYear, boolean cancelled, Long entryId, AccumulatorDelta delta) {}

    private final JdbcTemplate jdbc;

    public SettlementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a settlement of {@code visit} at {@code institutionCode}. */
    public void insert(String setlId, long personId, String institutionCode, String admdvs, Visit visit, Settlement s,
                       String traceJson, Long entryId, AccumulatorDelta delta) {
        LocalDate date = visit.date();
        Ineligibility why = s.ineligibility();
        List<Object> args = new ArrayList<>(List.of(setlId, personId, institutionCode, admdvs, date, visit.type().key,
                visit.level().key, date.getYear(), s.eligible()));
        args.add(why == null ? null : why.code());
        args.add(why == null ? null : cut(why.explanation(), 400));
        args.add(s.outpatientCardCredit());
        args.add(s.outpatientCardPaid());
        args.add(traceJson);
        args.add(entryId);
        args.add(delta.toJson());
        for (SettlementField f : SettlementField.values()) args.add(s.value(f));
        jdbc.update(INSERT, args.toArray());
    }

    /** The row of {@code setlId}, or empty. */
    public Optional<Row> find(String setlId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT person_id, fiscal_year, status, entry_id, acc_delta"
                + " FROM settlement WHERE setl_id = ?", setlId);
        if (rows.isEmpty()) return Optional.empty();
        Map<String, Object> r = rows.get(0);
        return Optional.of(new Row(setlId, ((Number) r.get("person_id")).longValue(), ((Number) r.get("fiscal_year")).intValue(),
                "cancelled".equals(r.get("status")), r.get("entry_id") == null ? null : ((Number) r.get("entry_id")).longValue(),
                AccumulatorDelta.parse((String) r.get("acc_delta"))));
    }

    /** A line of a settlement list: amounts in fen; {@code party} is the institution (a person's list) or the person (an institution's). */
    public record Listed(String setlId, java.time.LocalDate visitDate, String party, String visitType, long total,
                         long funds, long account, long cash, boolean cancelled, String siAudit, long siAmountFen) {
        /** Without the insurer's audit outcome (lists that do not show it). */
        public Listed(String setlId, java.time.LocalDate visitDate, String party, String visitType, long total, long funds,
                      long account, long cash, boolean cancelled) {
            this(setlId, visitDate, party, visitType, total, funds, account, cash, cancelled, null, 0);
        }

        /** The insurer's decision on the serious-illness part (approved, adjusted, rejected), or null while there is none. */
        public String auditOutcome() {
            return siAudit != null && java.util.List.of("approved", "adjusted", "rejected").contains(siAudit) ? siAudit : null;
        }
    }

    /** The person's settlements, newest first: page {@code page} (from 0) of {@code size}, one more to tell if others follow. */
    public List<Listed> forPerson(long personId, int page, int size) {
        // with the insurer's audit outcome of the serious-illness part (si_case), when there is one
        return jdbc.query("SELECT s.setl_id, s.visit_date, s.institution_code, s.visit_type, s.medfee_sumamt, s.fund_pay_sumamt,"
                + " s.acct_pay, s.psn_cash_pay, s.status, c.status, c.amount_fen FROM settlement s LEFT JOIN si_case c ON c.setl_id ="
                + " s.setl_id WHERE s.person_id = ? ORDER BY s.visit_date DESC, s.id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Listed(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), "cancelled".equals(rs.getString(9)),
                        rs.getString(10), rs.getLong(11)),
                personId, size + 1, (long) page * size);
    }

    /** An institution's settlements, newest first: page {@code page} (from 0) of {@code size}, one more to tell if others follow. */
    public List<Listed> forInstitution(String institutionCode, int page, int size) {
        return jdbc.query("SELECT s.setl_id, s.visit_date, p.psn_no, s.visit_type, s.medfee_sumamt, s.fund_pay_sumamt, s.acct_pay,"
                + " s.psn_cash_pay, s.status FROM settlement s JOIN person p ON p.id = s.person_id WHERE s.institution_code = ?"
                + " ORDER BY s.visit_date DESC, s.id DESC LIMIT ? OFFSET ?",
                (rs, i) -> new Listed(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), "cancelled".equals(rs.getString(9))),
                institutionCode, size + 1, (long) page * size);
    }

    /** Marks {@code setlId} cancelled by {@code cancelEntry} (null when the settlement posted nothing). */
    public void markCancelled(String setlId, Long cancelEntry) {
        jdbc.update("UPDATE settlement SET status = 'cancelled', cancel_entry_id = ? WHERE setl_id = ?", cancelEntry, setlId);
    }

    /** The settlement of a stored row (any query selecting {@code settlement.*}): its fields and its reason. */
    public static Settlement fromRow(Map<String, Object> r) {
        Settlement.Builder b = Settlement.builder();
        for (SettlementField f : SettlementField.values()) b.set(f, ((Number) r.get(f.national())).longValue());
        if (!(Boolean) r.get("eligible")) {
            String code = (String) r.get("reason");
            String words = (String) r.get("reason_words");
            b.ineligibility(new Ineligibility(Ineligibility.Reason.of(code), words == null ? code : words, null));
        }
        Object credit = r.get("outpatient_card_credit");
        Object paid = r.get("outpatient_card_paid");
        if (credit != null) b.outpatientCardCredit(((Number) credit).longValue());
        if (paid != null) b.outpatientCardPaid(((Number) paid).longValue());
        return b.build();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
