package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.openyibao.cli.CommandLineTest.Run;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.audit.OperatorAudit;

/** yibao audit-log verify: a whole chain passes with its length; a changed row exits 1 naming it. */
class AuditLogCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aWholeChainPassesAndAChangedRowIsNamed() throws IOException {
        String url = "jdbc:h2:file:" + tmp.resolve("db/yibao") + ";" + Migrations.H2_OPTIONS;
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
        Migrations.migrate(ds);
        OperatorAudit audit = new OperatorAudit(new JdbcTemplate(ds), new DataSourceTransactionManager(ds), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            audit.record(new OperatorAudit.Event("agency", "AGENCY", "127.0.0.1", "person_viewed", "4408000000000" + i, "ok"));
        }
        Path yaml = tmp.resolve("yibao.yaml");
        Files.writeString(yaml, "spring.datasource.url: \"" + url + "\"\nspring.datasource.username: sa\n");
        Run ok = CommandLineTest.run(null, "audit-log", "verify", "--config", yaml.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("audit log: OK, 3 rows, the chain whole (jdbc:h2:file:");

        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("DROP TRIGGER operator_audit_append_only");
        jdbc.update("UPDATE operator_audit SET subject = '44089999999999' WHERE id = 2");
        Run broken = CommandLineTest.run(null, "audit-log", "verify", "--config", yaml.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("audit log: BROKEN (", "row 2 was changed");
    }
}
