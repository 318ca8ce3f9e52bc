package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.platform.fsi.FsiHospitalLoad.Acked;
import org.openyibao.platform.fsi.FsiHospitalLoad.Flow;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * What the fault tests check on a database the server left (after kill -9, or restored from a backup): each
 * settlement the hospital was told about is there once with the amounts it was told; nothing is half-written (the
 * named checks of {@link #HALF_WRITTEN}, each a query listing the cases and a sentence for each); the stored replies
 * are the ones sent; and the ledger check of {@code yibao ledger check} passes.
 */
final class FsiReconciliation {
    private FsiReconciliation() {}

    /**
     * One way a settlement can be half-written: its name; a statement that makes such a case out of a whole database
     * (to show the check sees one: {@link #assertEachCheckSeesItsCase}); the query listing the cases; the sentence for one.
     */
    record Check(String name, String corrupt, String sql, RowMapper<String> says) {}

    /** Every named check; each must list nothing. */
    static final List<Check> HALF_WRITTEN = List.of(
            new Check("visit-settled-without-settlement",
                    "UPDATE fsi_visit SET status = 'settled' WHERE mdtrt_id IN (SELECT mdtrt_id FROM fsi_settlement"
                            + " WHERE status = 'cancelled')",
                    "SELECT v.mdtrt_id, v.psn_no FROM fsi_visit v WHERE v.status = 'settled' AND NOT EXISTS (SELECT 1"
                            + " FROM fsi_settlement f JOIN settlement s ON s.setl_id = f.setl_id WHERE f.mdtrt_id = v.mdtrt_id"
                            + " AND s.status = 'settled')",
                    (rs, i) -> "visit " + rs.getString(1) + " of " + rs.getString(2)
                            + " is marked settled but has no standing settlement"),
            new Check("settlement-without-its-reply",
                    "DELETE FROM fsi_message WHERE msgid IN (SELECT msgid FROM fsi_settlement)",
                    "SELECT f.setl_id, f.infno, f.msgid FROM fsi_settlement f WHERE NOT EXISTS (SELECT 1 FROM fsi_message m"
                            + " WHERE m.fixmedins_code = f.fixmedins_code AND m.msgid = f.msgid AND m.reply IS NOT NULL)",
                    (rs, i) -> "settlement " + rs.getString(1) + " was made by " + rs.getString(2) + " " + rs.getString(3)
                            + ", but that message's reply is not recorded (a resend would settle again)"),
            new Check("message-without-reply",
                    "UPDATE fsi_message SET reply = NULL",
                    "SELECT fixmedins_code, msgid, infno FROM fsi_message WHERE reply IS NULL",
                    (rs, i) -> "message " + rs.getString(3) + " " + rs.getString(2) + " of " + rs.getString(1)
                            + " is claimed but has no reply (its sender would wait for ever)"),
            new Check("interface-status-differs",
                    "UPDATE fsi_settlement SET status = 'cancelled' WHERE status = 'settled'",
                    "SELECT f.setl_id, f.status, s.status FROM fsi_settlement f JOIN settlement s ON s.setl_id = f.setl_id"
                            + " WHERE f.status <> s.status",
                    (rs, i) -> "settlement " + rs.getString(1) + " is " + rs.getString(3) + " but the interface says "
                            + rs.getString(2)),
            new Check("fee-lines-of-no-standing-settlement",
                    "UPDATE fsi_fee_detail SET setl_id = 'S-NONE' WHERE status = 'settled'",
                    "SELECT d.mdtrt_id, d.feedetl_sn, d.setl_id FROM fsi_fee_detail d WHERE d.status = 'settled'"
                            + " AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.setl_id = d.setl_id AND s.status = 'settled')",
                    (rs, i) -> "fee line " + rs.getString(2) + " of visit " + rs.getString(1) + " is marked settled by "
                            + rs.getString(3) + ", which is not a standing settlement"),
            new Check("settlement-without-ledger-entry",
                    "UPDATE settlement SET entry_id = NULL",
                    "SELECT setl_id, fund_pay_sumamt, acct_pay FROM settlement WHERE entry_id IS NULL"
                            + " AND fund_pay_sumamt + acct_pay > 0",
                    (rs, i) -> "settlement " + rs.getString(1) + " has the funds pay " + yuan(rs.getLong(2))
                            + " and the individual account " + yuan(rs.getLong(3)) + " but no ledger entry"),
            new Check("ledger-entry-of-another-cause",
                    "UPDATE settlement SET entry_id = (SELECT MIN(id) FROM journal_entry WHERE cause_type = 'opening')"
                            + " WHERE entry_id IS NOT NULL",
                    "SELECT s.setl_id, e.id, e.cause_type, e.cause_ref FROM settlement s JOIN journal_entry e"
                            + " ON e.id = s.entry_id WHERE e.cause_type <> 'settlement' OR e.cause_ref <> s.setl_id",
                    (rs, i) -> "settlement " + rs.getString(1) + " names entry " + rs.getLong(2) + ", which was posted for "
                            + rs.getString(3) + " " + rs.getString(4)),
            new Check("ledger-entry-differs-from-settlement",
                    "UPDATE settlement SET hifp_pay = hifp_pay + 1 WHERE entry_id IS NOT NULL", entryDiffersSql(),
                    (rs, i) -> "settlement " + rs.getString(1) + ": " + rs.getString(3) + " is " + yuan(rs.getLong(4))
                            + " but its entry " + rs.getLong(2) + " owes the institution " + yuan(rs.getLong(5))
                            + " from the " + rs.getString(6) + " fund"),
            new Check("account-movement-differs-from-settlement",
                    "UPDATE settlement SET acct_pay = acct_pay + 1 WHERE entry_id IS NOT NULL",
                    "SELECT setl_id, entry_id, acct_pay, moved FROM (SELECT s.setl_id, s.entry_id, s.acct_pay,"
                            + " COALESCE((SELECT SUM(m.amount_fen) FROM individual_account_movement m WHERE m.entry_id = s.entry_id"
                            + " AND m.person_id = s.person_id), 0) AS moved FROM settlement s WHERE s.entry_id IS NOT NULL) t"
                            + " WHERE moved <> -acct_pay",
                    (rs, i) -> "settlement " + rs.getString(1) + " has acct_pay " + yuan(rs.getLong(3))
                            + " but its entry " + rs.getLong(2) + " moves the person's individual account by "
                            + yuan(rs.getLong(4))),
            new Check("ledger-entry-without-settlement",
                    "UPDATE settlement SET entry_id = NULL",
                    "SELECT e.id, e.cause_ref FROM journal_entry e WHERE e.cause_type = 'settlement'"
                            + " AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.entry_id = e.id)",
                    (rs, i) -> "entry " + rs.getLong(1) + " was posted for settlement " + rs.getString(2)
                            + ", which does not name it (or does not exist)"),
            new Check("account-movement-without-settlement",
                    "UPDATE settlement SET entry_id = NULL WHERE acct_pay > 0",
                    "SELECT m.id, m.person_id, m.amount_fen, e.id, e.cause_type, e.cause_ref FROM individual_account_movement m"
                            + " JOIN journal_entry e ON e.id = m.entry_id WHERE (e.cause_type = 'settlement' AND NOT EXISTS"
                            + " (SELECT 1 FROM settlement s WHERE s.entry_id = e.id)) OR (e.reverses_entry_id IN (SELECT entry_id"
                            + " FROM settlement) AND NOT EXISTS (SELECT 1 FROM settlement s WHERE s.cancel_entry_id = e.id))",
                    (rs, i) -> "individual-account movement " + rs.getLong(1) + " of person " + rs.getLong(2) + " ("
                            + yuan(rs.getLong(3)) + ", entry " + rs.getLong(4) + ", " + rs.getString(5) + " "
                            + rs.getString(6) + ") belongs to no settlement or cancellation"),
            new Check("cancelled-without-reversal",
                    "UPDATE settlement SET cancel_entry_id = NULL WHERE status = 'cancelled' AND entry_id IS NOT NULL",
                    "SELECT s.setl_id, s.entry_id, s.cancel_entry_id FROM settlement s WHERE s.status = 'cancelled'"
                            + " AND s.entry_id IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.id = s.cancel_entry_id"
                            + " AND r.reverses_entry_id = s.entry_id) OR COALESCE((SELECT SUM(m.amount_fen) FROM"
                            + " individual_account_movement m WHERE m.entry_id = s.cancel_entry_id), 0) <> s.acct_pay)",
                    (rs, i) -> "settlement " + rs.getString(1) + " is cancelled but entry " + rs.getLong(2)
                            + " is not reversed by its cancellation's entry (" + rs.getObject(3)
                            + "), or the reversal does not give the individual account its payment back"),
            new Check("standing-but-reversed",
                    "UPDATE settlement SET status = 'settled' WHERE status = 'cancelled' AND entry_id IS NOT NULL",
                    "SELECT s.setl_id, r.id FROM settlement s JOIN journal_entry r ON r.reverses_entry_id = s.entry_id"
                            + " WHERE s.status = 'settled'",
                    (rs, i) -> "settlement " + rs.getString(1) + " stands but its entry is reversed by entry " + rs.getLong(2)),
            new Check("person-year-differs-from-settlements",
                    "UPDATE person_year SET hifp_paid = hifp_paid + 1", personYearSql(),
                    (rs, i) -> "person " + rs.getLong(1) + ", " + rs.getInt(2) + ": person_year." + rs.getString(3) + " is "
                            + yuan(rs.getLong(4)) + " but the standing settlements' " + rs.getString(5) + " sum to "
                            + yuan(rs.getLong(6))));

    /**
     * Each fund's part of a settlement (its national field) is what its entry owes the institution from that fund:
     * the net credit to the region's {@code <fund>:payable_institutions}, the individual account's included.
     */
    private static String entryDiffersSql() {
        List<String> parts = new ArrayList<>();
        for (Accounts.Fund fund : Accounts.Fund.values()) {
            String field = fund.settlementField.national();
            parts.add("SELECT s.setl_id, s.entry_id, '" + field + "' AS field, s." + field + " AS owed,"
                    + " COALESCE((SELECT SUM(l.credit_fen - l.debit_fen) FROM journal_line l JOIN ledger_account a"
                    + " ON a.id = l.account_id WHERE l.entry_id = s.entry_id AND a.fund = '" + fund.key + "'"
                    + " AND a.code LIKE '%:payable_institutions'), 0) AS posted, '" + fund.key + "' AS fund"
                    + " FROM settlement s WHERE s.entry_id IS NOT NULL");
        }
        return "SELECT setl_id, entry_id, field, owed, posted, fund FROM (" + String.join(" UNION ALL ", parts)
                + ") t WHERE owed <> posted";
    }

    /**
     * A yearly total that counts a fund's payments (person_year.hifp_paid counts hifp_pay, large_amount_paid hifob_pay,
     * ...: the {@link Accumulator}s named in calc as a {@link SettlementField}) equals that field summed over the
     * person's standing settlements of the year.
     */
    private static String personYearSql() {
        List<String> parts = new ArrayList<>();
        for (Accumulator a : Accumulator.values()) {
            SettlementField f = SettlementField.of(a.calcName());
            if (f == null || a.span() != Accumulator.Span.YEAR || !a.inPersonYear()) continue;
            parts.add("SELECT k.person_id, k.fiscal_year, '" + a.column() + "' AS total, COALESCE(y." + a.column() + ", 0) AS kept,"
                    + " '" + f.national() + "' AS field, COALESCE(t.paid, 0) AS paid"
                    + " FROM (SELECT person_id, fiscal_year FROM person_year UNION SELECT person_id, fiscal_year FROM settlement) k"
                    + " LEFT JOIN person_year y ON y.person_id = k.person_id AND y.fiscal_year = k.fiscal_year"
                    + " LEFT JOIN (SELECT person_id, fiscal_year, SUM(" + f.national() + ") AS paid FROM settlement"
                    + " WHERE status = 'settled' GROUP BY person_id, fiscal_year) t"
                    + " ON t.person_id = k.person_id AND t.fiscal_year = k.fiscal_year"
                    + " WHERE COALESCE(y." + a.column() + ", 0) <> COALESCE(t.paid, 0)");
        }
        return String.join(" UNION ALL ", parts);
    }

    /** The half-written things found, a sentence each, prefixed with the check's name; empty when none. */
    static List<String> halfWritten(JdbcTemplate jdbc) {
        List<String> found = new ArrayList<>();
        for (Check c : HALF_WRITTEN) {
            for (String s : jdbc.query(c.sql() + " LIMIT 20", c.says())) found.add(c.name() + ": " + s);
        }
        return found;
    }

    static void assertNothingHalfWritten(JdbcTemplate jdbc) {
        List<String> found = halfWritten(jdbc);
        assertThat(found).as("half-written:\n  " + String.join("\n  ", found)).isEmpty();
    }

    /**
     * Each check lists something once its case is made: its corrupting statement changes at least one row, in a
     * transaction rolled back afterwards (the database is left as it was). Needs a database with standing and
     * cancelled settlements, some paid from an individual account.
     */
    static void assertEachCheckSeesItsCase(TransactionTemplate tx, JdbcTemplate jdbc) {
        for (Check c : HALF_WRITTEN) {
            tx.executeWithoutResult(status -> {
                status.setRollbackOnly();
                assertThat(jdbc.update(c.corrupt())).as(c.name() + ": no case to make with " + c.corrupt()).isPositive();
                assertThat(jdbc.query(c.sql() + " LIMIT 1", c.says())).as(c.name() + " after " + c.corrupt()).isNotEmpty();
            });
        }
    }

    /**
     * Every flow whose settlement is {@code known} (acknowledged while the database was the one looked at) has its
     * settlement here once, made by its message, with every national field of the reply the hospital got; a flow whose
     * cancellation is known is cancelled, a flow that never cancelled stands (one whose cancellation came later may be
     * either). The count checked.
     */
    static int assertSettledAsAcknowledged(JdbcTemplate jdbc, Collection<Flow> flows, Predicate<Acked> known) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Flow flow : flows) {
            if (!known.test(flow.settlement())) continue;
            checked++;
            String setlId = flow.setlId();
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT s.*, f.msgid, f.infno AS f_infno FROM settlement s"
                    + " LEFT JOIN fsi_settlement f ON f.setl_id = s.setl_id WHERE s.setl_id = ?", setlId);
            if (rows.size() != 1) {
                wrong.add(setlId + " (acknowledged to " + flow.settled().msgid() + "): " + rows.size() + " rows");
                continue;
            }
            Map<String, Object> row = rows.get(0);
            if (!flow.settled().msgid().equals(row.get("msgid")) || !flow.settled().infno().equals(row.get("f_infno"))) {
                wrong.add(setlId + ": made by " + row.get("f_infno") + " " + row.get("msgid") + ", acknowledged to "
                        + flow.settled().infno() + " " + flow.settled().msgid());
            }
            JsonNode told = flow.settled().setlinfo();
            for (SettlementField f : SettlementField.values()) {
                BigDecimal stored = CalcWriter.decimal(f, ((Number) row.get(f.national())).longValue());
                BigDecimal replied = told.get(f.national()).decimalValue();
                if (stored.compareTo(replied) != 0) {
                    wrong.add(setlId + ": " + f.national() + " is " + stored + ", the reply said " + replied);
                }
            }
            String status = (String) row.get("status");
            if (flow.cancellation() == null && !status.equals("settled")) {
                wrong.add(setlId + " is " + status + " but was never cancelled");
            } else if (flow.cancellation() != null && known.test(flow.cancellation()) && !status.equals("cancelled")) {
                wrong.add(setlId + " is " + status + " but its cancellation " + flow.cancellation().msgid() + " was acknowledged");
            }
        }
        assertThat(wrong).as("acknowledged settlements not as acknowledged:\n  " + String.join("\n  ", wrong)).isEmpty();
        return checked;
    }

    /** Each message's stored reply, opened with the server key, is the reply the hospital got. */
    static void assertRepliesStored(JdbcTemplate jdbc, String serverKey, Collection<Acked> messages) {
        FsiMessages store = new FsiMessages(jdbc, serverKey);
        List<String> wrong = new ArrayList<>();
        for (Acked a : messages) {
            FsiMessages.Stored s = store.find(FsiHospitalLoad.HOSPITAL, a.msgid()).orElse(null);
            if (s == null) {
                wrong.add(a.infno() + " " + a.msgid() + ": not recorded");
            } else if (!s.infno().equals(a.infno()) || !a.text().equals(s.reply())) {
                wrong.add(a.infno() + " " + a.msgid() + ": recorded as " + s.infno() + " with another reply");
            }
        }
        assertThat(wrong).as("acknowledged messages whose reply is not the one recorded:\n  " + String.join("\n  ", wrong))
                .isEmpty();
    }

    /** yibao ledger check: what LedgerCommand.Check runs, on a plain connection of its own to the database. */
    static LedgerCheck.Result assertLedgerCheckPasses(String jdbcUrl) {
        LedgerCheck.Result check = new LedgerCheck(new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "postgres", ""))).run();
        assertThat(check.violations()).as(String.join("\n", check.summary())).isEmpty();
        return check;
    }

    private static String yuan(long fen) {
        return org.openyibao.engine.money.Money.format(fen);
    }
}
