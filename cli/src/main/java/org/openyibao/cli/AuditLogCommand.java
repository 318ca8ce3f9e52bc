package org.openyibao.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.openyibao.platform.audit.OperatorAudit;

/** {@code yibao audit-log verify}: walks the operator audit log's hash chain (docs/console.md "Audit log"). */
@Command(name = "audit-log", mixinStandardHelpOptions = true, description = "The operator audit log: verify.",
        subcommands = {AuditLogCommand.Verify.class})
public final class AuditLogCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("audit-log: say what to do: yibao audit-log verify [--config FILE]");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the operator audit log: every row's hash, its link to the row before, ids without gaps,"
                    + " and the head (rows cut from the end).",
                    "Exit 0 with the number of rows; 1 with the first break; 2 when the database cannot be read."})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE",
                description = "the server's configuration (YAML or .properties: spring.datasource.url, username, password);"
                        + " default: the demo's embedded database in data/demo")
        Path config;

        @Override
        public Integer call() {
            LedgerCommand.Database db = config == null ? LedgerCommand.Database.demo() : LedgerCommand.Database.from(config);
            DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.username(), db.password());
            try (Connection c = ds.getConnection()) {
                c.isValid(2);
            } catch (SQLException e) {
                throw new UserError(db.unreachable(e));
            }
            OperatorAudit.Verdict v;
            try {
                v = new OperatorAudit(new JdbcTemplate(ds), new DataSourceTransactionManager(ds), Clock.systemUTC()).verify();
            } catch (DataAccessException e) {
                throw new UserError("cannot read the audit log in " + db.shown() + ": "
                        + LedgerCommand.firstLine(e.getMostSpecificCause().getMessage()) + " (has the server ever started on it?)");
            }
            if (v.ok()) {
                System.out.println("audit log: OK, " + v.rows() + " rows, the chain whole (" + db.shown() + ")");
                return 0;
            }
            System.out.println("audit log: BROKEN (" + db.shown() + "): " + v.problem() + "; " + v.rows() + " rows read");
            return 1;
        }
    }
}
