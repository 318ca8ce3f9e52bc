package org.openyibao.platform.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 twin of the PostgreSQL triggers: journal entries and lines, and the operator audit log, are never updated or deleted. */
public class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String what = table.toLowerCase(java.util.Locale.ROOT).startsWith("operator_audit") ? "the operator audit log" : "the journal";
        throw new SQLException(what + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on " + table + " refused");
    }
}
