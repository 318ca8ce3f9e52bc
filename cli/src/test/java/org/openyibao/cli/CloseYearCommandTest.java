package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.cli.CommandLineTest.Run;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.ledger.ClaimsPaidByInsurer;
import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.MonthlyInstalment;
import org.openyibao.platform.ledger.PremiumFromContributions;
import org.openyibao.platform.ledger.ReserveWithheld;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * yibao close-year on an embedded database named by a server configuration: refused while the insurer's May is not
 * posted (exit 2, the month named), then closed with its report written, then the same run again changes nothing and
 * other inputs are refused. The worked arithmetic is CloseYearTest's (platform); here the command's edges.
 */
class CloseYearCommandTest {
    @TempDir
    Path tmp;

    DriverManagerDataSource ds;

    Path config() throws IOException {
        String url = "jdbc:h2:file:" + tmp.resolve("db/yibao") + ";" + Migrations.H2_OPTIONS;
        ds = new DriverManagerDataSource(url, "sa", "");
        Migrations.migrate(ds);
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        Ledger ledger = new Ledger(jdbc);
        tx.executeWithoutResult(s -> {
            ledger.openRegion("440800");
            ledger.post(JournalEntry.builder("440800", LocalDate.of(2018, 1, 31), "contribution", "1", "employer")
                    .move("pooling:bank", "pooling:contributions", 31_000).build());
            ledger.post(JournalEntry.builder("440800", LocalDate.of(2018, 5, 3), "settlement", "S1", "a serious illness")
                    .move("serious_illness:benefits", "serious_illness:payable_institutions", 12_345).build());
        });
        Path file = tmp.resolve("yibao.yaml");
        Files.writeString(file, "spring:\n  datasource:\n    url: \"" + url + "\"\n    username: sa\n    password: \"\"\n");
        return file;
    }

    void postInsurersMay() {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Ledger ledger = new Ledger(jdbc);
        new InsurerPremium(jdbc, tx, ledger, new PolicyPacks(System.getProperty("yibao.policies", "../policies")),
                List.of(new PremiumFromContributions(), new ReserveWithheld(), new MonthlyInstalment(), new ClaimsPaidByInsurer()),
                Clock.systemUTC()).post("440800", 2018, 5);
    }

    @Test
    void refusedWhileUnfinishedThenClosedWithItsReportThenTheSameRunChangesNothing() throws IOException {
        Path yaml = config();
        Path out = tmp.resolve("report");
        Run refused = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config", yaml.toString(),
                "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: year: 2018 of region 440800 is not finished; left to do:")
                .contains("the insurer's months not posted (1):",
                        "2018-05 claims paid by the insurer: 123.45 not posted; POST /api/funds/440800/insurer-premium?year=2018&month=5");
        assertThat(out).doesNotExist();

        postInsurersMay();
        Run closed = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config", yaml.toString(),
                "--out", out.toString(), "--insurer-admin-cost", "10.00");
        assertThat(closed.exit()).as(closed.err()).isZero();
        assertThat(closed.out()).startsWith("year 2018 of Zhanjiang (440800): closed; closing entry ")
                .contains("insurer: premium 0.00, claims 123.45");
        String csv = Files.readString(out.resolve("report.csv"));
        assertThat(csv).startsWith("section,item,amount_yuan,basis,account,entries\n")
                .contains("insurer: figures,claims reimbursed by the insurer,123.45,")
                .contains("ledger close,pooling: surplus into fund_balance,310.00,");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h1>Year-end 2018: Zhanjiang (440800)</h1>");

        Run again = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config", yaml.toString(),
                "--out", out.toString(), "--insurer-admin-cost", "10");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("already closed on").contains("with the same inputs; nothing posted");
        Run other = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config", yaml.toString(),
                "--out", out.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("insurer_admin_cost: year 2018 of region 440800 was closed on")
                .contains("with insurer_admin_cost 10.00, not 0.00");
        Run bad = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config", yaml.toString(),
                "--insurer-evaluation", "maybe");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: --insurer-evaluation: passed or failed, got 'maybe'\n");
    }
}
