package org.openyibao.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.yearend.CloseYear;
import org.openyibao.platform.yearend.CloseYearReport;
import org.openyibao.platform.yearend.ClosedYear;
import org.openyibao.platform.yearend.RegulatorFigures;
import org.openyibao.platform.yearend.YearEndConfig;
import org.openyibao.platform.yearend.YearEndInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yibao close-year}: closes a region's year as a whole on the database of a server configuration (or the demo's)
 * — the insurer's year-end under its contract, then the ledger's closing entry — and writes the report (HTML and CSV)
 * an auditor follows back to the ledger (docs/year-end.md). Exit 0: closed (or closed before with the same inputs);
 * 2: refused (the year not over or not finished — everything left is listed —, other inputs than the first close,
 * a bad option).
 */
@Command(name = "close-year", mixinStandardHelpOptions = true,
        description = {"Close a region's year: the insurer's year-end under its contract, the ledger's closing entry, and a"
                + " report (HTML, CSV) an auditor follows back to the ledger.",
                "An unfinished year (visits not settled, the insurer's months not posted, ...) is refused with everything"
                        + " left listed. Running it again with the same inputs changes nothing."})
public final class CloseYearCommand implements Callable<Integer> {
    @Option(names = "--region", required = true, paramLabel = "ADMDVS", description = "the pooling region, e.g. 440800")
    String region;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the year to close, e.g. 2018")
    int year;

    @Option(names = "--config", paramLabel = "FILE",
            description = "server configuration (YAML or properties) with spring.datasource.url/username/password;"
                    + " default: the demo's embedded database in data/demo")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "where the report goes (default: close-year-ADMDVS-YEAR)")
    Path out;

    @Option(names = "--insurer-admin-cost", paramLabel = "YUAN", defaultValue = "0",
            description = "the insurer's administration cost for the year, as it declared it (default ${DEFAULT-VALUE})")
    BigDecimal adminCost;

    @Option(names = "--policy-change-loss", paramLabel = "YUAN", defaultValue = "0",
            description = "the part of the insurer's loss the agency agrees a policy change caused (default ${DEFAULT-VALUE})")
    BigDecimal policyChangeLoss;

    @Option(names = "--insurer-evaluation", paramLabel = "RESULT", defaultValue = "passed",
            description = "the insurer's year-end evaluation: passed or failed (default ${DEFAULT-VALUE})")
    String insurerEvaluation;

    @Option(names = "--failed-evaluation", paramLabel = "CODE", split = ",",
            description = "institutions that failed their year-end evaluation (comma-separated codes)")
    List<String> failed = List.of();

    @Option(names = "--preview", description = "work the year out and write the report, posting nothing")
    boolean preview;

    @Override
    public Integer call() {
        YearEndInputs inputs = inputs();
        Path dir = out != null ? out : Paths.get("close-year-" + region + "-" + year);
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--out: " + dir + " is a file, not a directory");
        quietLogging();
        CloseYear close = YearEndConfig.on(dataSource(), new PolicyPacks(Policies.standard().root().toString()),
                Clock.systemDefaultZone());
        ClosedYear y = preview ? close.preview(region, year, inputs) : close.close(region, year, inputs);
        write(dir, y);
        print(y, dir);
        return 0;
    }

    private YearEndInputs inputs() {
        String e = insurerEvaluation == null ? "" : insurerEvaluation.trim().toLowerCase(java.util.Locale.ROOT);
        if (!e.equals("passed") && !e.equals("failed")) {
            throw new UserError("--insurer-evaluation: passed or failed, got '" + insurerEvaluation + "'");
        }
        return new YearEndInputs(fen("--insurer-admin-cost", adminCost), fen("--policy-change-loss", policyChangeLoss),
                e.equals("passed"), Set.copyOf(new LinkedHashSet<>(failed == null ? List.of() : failed)));
    }

    private static long fen(String option, BigDecimal yuan) {
        if (yuan.signum() < 0) throw new UserError(option + ": " + yuan.toPlainString() + " is negative; 0 or more yuan");
        if (yuan.stripTrailingZeros().scale() > 2) throw new UserError(option + ": " + yuan.toPlainString() + " has more than 2 decimals");
        try {
            return Money.fen(yuan);
        } catch (ArithmeticException ex) {
            throw new UserError(option + ": " + yuan.toPlainString() + " is too large");
        }
    }

    private static void write(Path dir, ClosedYear y) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.html"), CloseYearReport.html(y), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.csv"), CloseYearReport.csv(y), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--out: cannot write the report in " + dir + ": " + e.getMessage());
        }
    }

    private void print(ClosedYear y, Path dir) {
        String state = y.closedAt() == null ? "preview (nothing posted)"
                : y.alreadyClosed() ? "already closed on " + y.closedAt() + " with the same inputs; nothing posted"
                : "closed; closing entry " + y.ledgerClose().entryId();
        System.out.println("year " + y.year() + " of " + y.regionName() + " (" + y.admdvs() + "): " + state);
        if (y.insurer() != null) {
            RegulatorFigures r = y.insurer().regulator();
            System.out.println("  insurer: premium " + Money.format(r.premiumFen()) + ", claims " + Money.format(r.claimsFen())
                    + ", loss ratio " + (r.lossRatio() == null ? "-" : r.lossRatio().toPlainString()) + ", result "
                    + Money.format(r.resultAfterFen()) + "; " + y.insurer().steps().size() + " year-end entr"
                    + (y.insurer().steps().size() == 1 ? "y" : "ies") + "; "
                    + (y.insurer().owedToInsurerFen() >= 0 ? "owed to the insurer " : "owed by the insurer ")
                    + Money.format(Math.abs(y.insurer().owedToInsurerFen())));
        }
        System.out.println("  report: " + dir.resolve("report.html") + ", " + dir.resolve("report.csv"));
    }

    private DataSource dataSource() {
        LedgerCommand.Database db = config == null ? LedgerCommand.Database.demo() : LedgerCommand.Database.from(config);
        DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.username(), db.password());
        try (Connection c = ds.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new UserError(db.unreachable(e));
        }
        try {
            Migrations.migrate(ds);
        } catch (RuntimeException e) {
            throw new UserError("database: cannot open or migrate it: " + e.getMessage());
        }
        return ds;
    }

    /** Without Spring Boot's logging setup, libraries (Flyway) would log at DEBUG: only warnings here. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
