package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.cli.CommandLineTest.Run;
import org.openyibao.platform.hospital.Budgets;
import org.openyibao.platform.hospital.ClearingDecisions;
import org.openyibao.platform.hospital.PaymentRuns;
import org.openyibao.platform.hospital.Prepayments;
import org.openyibao.platform.insurer.SeriousIllnessCases;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * A full year posted through the services on PostgreSQL, then closed (issue 13): the demo seeds its region and the
 * generated population's 2018 (contributions, every visit settled, fiscal transfers, the insurer's twelve months)
 * through the platform; the year's close is refused while its cases are open and its clearing not done; the test
 * does the year's work through the services ({@link #finishTheYear}); {@code POST /api/year-end/440800/2018/close} closes it; the ledger's invariants hold after it,
 * every income and expense account of 2018 is closed into the fund balances, a second close posts nothing, and
 * {@code yibao close-year} on the same database answers the same year. Skipped without PostgreSQL unless CI=true.
 */
class FullYearOnPostgresTest {
    static final String PASSWORD = "full-year-test";
    static final String PG = System.getenv().getOrDefault("YIBAO_TEST_PG", "127.0.0.1:5432");

    @TempDir
    Path tmp;

    @Test
    void aSeededYearClosesOnPostgresWithTheLedgerSoundAndASecondCloseChangesNothing() throws Exception {
        String db = "oy_fullyear_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        create(db);
        String url = "jdbc:postgresql://" + PG + "/" + db;
        try (ConfigurableApplicationContext ctx = DemoCommand.start(0, url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--yibao.demo.password=" + PASSWORD)) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Long.class)).isGreaterThan(300);

            HttpResponse<String> left = call(port, "GET", "/api/year-end/440800/2018", "agency");
            assertThat(left.statusCode()).isEqualTo(200);
            assertThat(left.body()).as("the demo leaves its year's work to do").contains("\"state\":\"open\"",
                    "serious-illness cases not decided", "not covered by a clearing application");
            assertThat(call(port, "POST", "/api/year-end/440800/2018/close", "agency").statusCode()).isEqualTo(409);
            String budgeted = finishTheYear(ctx);
            HttpResponse<String> done = call(port, "GET", "/api/year-end/440800/2018", "agency");
            assertThat(done.body()).as(done.body()).contains("\"unfinished\":{}");
            assertThat(call(port, "POST", "/api/year-end/440800/2018/close", "auditor").statusCode()).isEqualTo(403);

            HttpResponse<String> closed = call(port, "POST", "/api/year-end/440800/2018/close?insurer_admin_cost=120.00", "agency");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
            LedgerCheck.Result check = ctx.getBean(LedgerCheck.class).run();
            assertThat(check.ok()).as("%s", check.violations()).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT a.id FROM journal_line l JOIN journal_entry e"
                    + " ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id WHERE a.kind IN ('income', 'expense')"
                    + " AND e.entry_date BETWEEN DATE '2018-01-01' AND DATE '2018-12-31' GROUP BY a.id"
                    + " HAVING SUM(l.debit_fen - l.credit_fen) <> 0) t", Long.class))
                    .as("every income and expense account of 2018 closed into the fund balances").isZero();

            // what the year-end left owed between fund and insurer, paid in February: premium_due's 2018 balance is 0
            HttpResponse<String> paid = call(port, "POST", "/api/year-end/440800/2018/insurer-payment?paid_on=2019-02-01", "agency");
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(l.debit_fen - l.credit_fen), 0) FROM journal_line l"
                    + " JOIN ledger_account a ON a.id = l.account_id WHERE a.code = '440800:serious_illness:premium_due'",
                    Long.class)).isZero();
            assertThat(ctx.getBean(LedgerCheck.class).run().ok()).isTrue();

            long entries = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
            HttpResponse<String> again = call(port, "POST", "/api/year-end/440800/2018/close?insurer_admin_cost=120", "agency");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(entries);
            HttpResponse<String> csv = call(port, "GET", "/api/year-end/440800/2018/report.csv", "auditor");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).startsWith("section,item,amount_yuan,basis,account,entries\n")
                    .contains("regulator,administration cost,120.00,", "institutions," + budgeted + " ",
                            "institutions,total paid to institutions at the year-end,");

            // the report's entry ids lead to the ledger: the closing entry the report names is the year's close
            String closing = csv.body().lines().filter(l -> l.startsWith("ledger close,pooling:")).findFirst().orElseThrow();
            String closingId = closing.substring(closing.lastIndexOf(',') + 1);
            HttpResponse<String> entry = call(port, "GET", "/api/ledger/entries/" + closingId, "auditor");
            assertThat(entry.statusCode()).isEqualTo(200);
            assertThat(entry.body()).contains("\"cause_type\":\"closing\"", "\"cause_ref\":\"440800:2018\"",
                    "\"account\":\"440800:pooling:fund_balance\"");
            assertThat(call(port, "GET", "/api/ledger/entries/x1", "auditor").statusCode()).isEqualTo(400);

            Path config = tmp.resolve("pg.yaml");
            Files.writeString(config, "spring:\n  datasource:\n    url: \"" + url + "\"\n    username: postgres\n    password: \"\"\n");
            Run cli = CommandLineTest.run(null, "close-year", "--region", "440800", "--year", "2018", "--config",
                    config.toString(), "--out", tmp.resolve("report").toString(), "--insurer-admin-cost", "120");
            assertThat(cli.exit()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("already closed on");
            assertThat(Files.readString(tmp.resolve("report/report.csv"))).isEqualTo(csv.body());
        } finally {
            drop(db);
        }
    }

    /**
     * The year's work as the insurer and the agency do it, through the services: every open serious-illness case
     * approved, a budget set by hand for the institution the pooling fund paid most and its twelve months prepaid, the
     * settlements made outside the interface filed for clearing, each application accepted, one payment run in January.
     * Returns the budgeted institution's code.
     */
    static String finishTheYear(ConfigurableApplicationContext ctx) {
        SeriousIllnessCases cases = ctx.getBean(SeriousIllnessCases.class);
        for (String line : cases.unfinished("440800", 2018)) {
            long id = Long.parseLong(line.substring("case ".length(), line.indexOf(' ', "case ".length())));
            cases.decide("440800", id, new SeriousIllnessCases.DecisionRequest("approve", null, "verified", null), "insurer");
        }
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        String top = jdbc.queryForObject("SELECT institution_code FROM settlement WHERE admdvs = '440800' AND status = 'settled'"
                + " GROUP BY institution_code ORDER BY SUM(hifp_pay) DESC, institution_code FETCH FIRST 1 ROWS ONLY", String.class);
        ctx.getBean(Budgets.class).setByHand("440800", 2018, top, new java.math.BigDecimal("1000.00"), "agreed for the test",
                "agency");
        for (int m = 1; m <= 12; m++) ctx.getBean(Prepayments.class).post("440800", 2018, m);
        ClearingDecisions clearing = ctx.getBean(ClearingDecisions.class);
        for (String id : clearing.fileOutsideInterface("440800", 2018)) clearing.accept("440800", id, "agency");
        ctx.getBean(PaymentRuns.class).create("440800", "R2019-01", java.time.LocalDate.of(2019, 1, 15), "agency");
        return top;
    }

    private static HttpResponse<String> call(int port, String method, String path, String user) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static void create(String db) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("YIBAO_REQUIRE_POSTGRES"));
            if (required) throw new IllegalStateException("PostgreSQL is required under CI: " + e.getMessage(), e);
            Assumptions.abort("no PostgreSQL at " + PG + ": " + e.getMessage());
        }
    }

    private static void drop(String db) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        } catch (SQLException e) {
            // left for the next run's cleanup; the name is unique
        }
    }
}
