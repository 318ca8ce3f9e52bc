package org.openyibao.platform.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 twin of the PostgreSQL trigger: journal entries and lines are never updated or deleted. */
public class AppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the journal is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " on "
                + table + " refused");
    }
}
