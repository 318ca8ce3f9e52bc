package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.cli.CommandLineTest.Run;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;

/** yibao ledger check on an embedded database named by a server configuration file, or the demo's by default. */
class LedgerCommandTest {
    @TempDir
    Path tmp;

    /** A migrated H2 file database with one region and two entries; returns its JDBC URL. */
    String database() {
        String url = "jdbc:h2:file:" + tmp.resolve("db/yibao") + ";" + Migrations.H2_OPTIONS;
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
        Migrations.migrate(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        Ledger ledger = new Ledger(jdbc);
        tx.executeWithoutResult(s -> {
            ledger.openRegion("440800");
            ledger.post(JournalEntry.builder("440800", LocalDate.of(2018, 1, 31), "contribution", "1", "employer")
                    .move("pooling:bank", "pooling:contributions", 31_000).build());
            ledger.post(JournalEntry.builder("440800", LocalDate.of(2018, 2, 3), "settlement", "S1", "a visit")
                    .move("pooling:benefits", "pooling:payable_institutions", 12_345).build());
        });
        return url;
    }

    Path config(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aSoundLedgerPassesWithASummary() throws IOException {
        String url = database();
        Path yaml = config("yibao.yaml", "spring:\n  datasource:\n    url: \"" + url + "\"\n    username: sa\n    password: \"\"\n");
        Run r = CommandLineTest.run(null, "ledger", "check", "--config", yaml.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).startsWith("ledger check: OK (jdbc:h2:file:")
                .contains("  entries              2\n", "  lines                4\n", "  accounts             83 in 1 region\n",
                        "  debits               433.45 = credits 433.45\n");
        Path props = config("yibao.properties", "spring.datasource.url=" + url + "\nspring.datasource.username=${NOBODY_SETS_THIS:sa}\n");
        assertThat(CommandLineTest.run(null, "ledger", "check", "--config", props.toString()).exit()).isZero();
        // as for Spring, a placeholder in a setting not used here need not be set
        Path other = config("other.yaml", "yibao:\n  fsi:\n    key: ${NOBODY_SETS_THIS_EITHER}\nspring:\n  datasource:\n    url: \"" + url
                + "\"\n    username: sa\n");
        Run o = CommandLineTest.run(null, "ledger", "check", "--config", other.toString());
        assertThat(o.exit()).as(o.err()).isZero();
    }

    @Test
    void aCorruptedBalanceExitsOneWithTheFirstViolation() throws IOException {
        String url = database();
        new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""))
                .update("UPDATE ledger_account SET balance_fen = 0 WHERE code IN ('440800:pooling:bank', '440800:pooling:benefits')");
        Path yaml = config("yibao.yaml", "spring.datasource.url: \"" + url + "\"\nspring.datasource.username: sa\n");
        Run r = CommandLineTest.run(null, "ledger", "check", "--config", yaml.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).element(0).asString().startsWith("ledger check: FAILED (").endsWith("), 2 violations; the first:");
        assertThat(r.out().lines()).element(1).isEqualTo(
                "  account-balance: account 440800:pooling:bank: balance_fen 0 but its lines sum to 31000 (debits − credits)");
        Run all = CommandLineTest.run(null, "ledger", "check", "--all", "--config", yaml.toString());
        assertThat(all.out()).contains("account 440800:pooling:benefits: balance_fen 0 but its lines sum to 12345");
    }

    @Test
    void whatCannotBeReadExitsTwoWithOneLine() throws IOException {
        Run missing = CommandLineTest.run(null, "ledger", "check", "--config", tmp.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("error: --config: " + tmp.resolve("nope.yaml") + " not found");

        Path noUrl = config("empty.yaml", "server:\n  port: 8080\n");
        assertThat(CommandLineTest.run(null, "ledger", "check", "--config", noUrl.toString()).err())
                .contains("has no spring.datasource.url");

        String home = System.getProperty("yibao.home");
        System.setProperty("yibao.home", tmp.toString());
        try {
            Run demo = CommandLineTest.run(null, "ledger", "check");
            assertThat(demo.exit()).isEqualTo(2);
            assertThat(demo.err().strip()).isEqualTo("error: no demo database in " + tmp.resolve("data/demo/yibao")
                    + ".mv.db: start ./yibao demo once, or give --config FILE");
            assertThat(Files.exists(tmp.resolve("data/demo/yibao.mv.db"))).as("nothing created").isFalse();
        } finally {
            if (home == null) System.clearProperty("yibao.home");
            else System.setProperty("yibao.home", home);
        }

        Path empty = config("fresh.yaml", "spring.datasource.url: \"jdbc:h2:file:" + tmp.resolve("fresh/db") + "\"\n");
        Run r = CommandLineTest.run(null, "ledger", "check", "--config", empty.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot read the ledger in jdbc:h2:file:").contains("has the server ever started on it?");
        assertThat(CommandLineTest.run(null, "ledger").exit()).isEqualTo(2);
    }
}
