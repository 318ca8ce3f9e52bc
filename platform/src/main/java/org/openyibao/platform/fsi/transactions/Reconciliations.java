package org.openyibao.platform.fsi.transactions;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.fsi.FsiCall;

/**
 * Keeps each reconciliation's outcome (table {@code fsi_reconciliation}, V85) as it is answered: 3201's totals and
 * 3202's detail list, for the agency's and the institution's pages (issue 11). Written in the transaction's own
 * database transaction, so it is there exactly when the reply is.
 */
final class Reconciliations {
    /** A period reconciled: its dates, clearing type and insurance type (either may be null). */
    record Period(LocalDate from, LocalDate to, String clrType, String insutype) {}

    /** The institution's declared figures, in fen (null where not given). */
    record Declared(Long medfee, Long fund, Long acct, Integer count) {}

    private final JdbcTemplate jdbc;

    Reconciliations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** 3201: in agreement or not, with the differences in words. */
    void totals(FsiCall call, Period p, Declared d, boolean agree, String description) {
        insert(call, p, d, agree, description, null, null, null);
    }

    /** 3202: {@code rows} uploaded, {@code disagreeing} of them not in agreement, the result in file {@code fileQuryNo}. */
    void details(FsiCall call, Period p, Declared d, int rows, int disagreeing, String fileQuryNo) {
        insert(call, p, d, disagreeing == 0, null, rows, disagreeing, fileQuryNo);
    }

    private void insert(FsiCall call, Period p, Declared d, boolean agree, String description, Integer rows, Integer disagreeing,
                        String file) {
        jdbc.update("INSERT INTO fsi_reconciliation (fixmedins_code, infno, msgid, clr_type, insutype, stmt_begndate, stmt_enddate,"
                        + " medfee_sumamt, fund_pay_sumamt, acct_pay, setl_cnt, stmt_rslt, stmt_rslt_dscr, rows_total, rows_disagreeing,"
                        + " file_qury_no, stmt_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                call.fixmedinsCode(), call.infno(), call.msgid(), cut(p.clrType(), 60), cut(p.insutype(), 60), p.from(), p.to(), d.medfee(), d.fund(),
                d.acct(), d.count(), agree ? "0" : "1", cut(description, 2000), rows, disagreeing, file,
                call.now());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
