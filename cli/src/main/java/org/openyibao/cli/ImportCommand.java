package org.openyibao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.openyibao.platform.Migrations;
import org.openyibao.platform.enrolment.BulkImport;
import org.openyibao.platform.policy.PolicyPacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * yibao import: persons and enrolments from CSV into the database of a server configuration (the
 * same file as {@code yibao serve --config}), or the demo's embedded database. Bad lines go to the
 * error file with their line number and reason; good lines are kept; a rerun changes nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Bulk import of persons and enrolments from CSV (format: docs/registry.md).",
                "Rejected lines go to the error file (line,reason); a rerun of the same file changes nothing."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CSV", description = "the file: a header line, then one person (and enrolment) a line")
    Path csv;

    @Option(names = "--config", paramLabel = "FILE",
            description = "server configuration (YAML or properties) with spring.datasource.url/username/password;"
                    + " default: the demo's embedded database in data/demo (start ./yibao demo once to create it)")
    Path config;

    @Option(names = "--errors", paramLabel = "FILE", description = "where rejected lines go (default: CSV with .errors.csv)")
    Path errors;

    @Option(names = "--chunk", paramLabel = "LINES", defaultValue = "" + BulkImport.DEFAULT_CHUNK,
            description = "lines checked and written together (default ${DEFAULT-VALUE})")
    int chunk;

    @Option(names = "--lanes", paramLabel = "N", defaultValue = "" + BulkImport.DEFAULT_LANES,
            description = "connections working at once on PostgreSQL, each on its own persons (default ${DEFAULT-VALUE}; H2: one)")
    int lanes;

    @Option(names = "--verbose", description = "show the time of each step")
    boolean verbose;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(csv)) throw new UserError("CSV: " + csv + " not found");
        if (chunk < 1) throw new UserError("--chunk: must be at least 1");
        if (lanes < 1 || lanes > 16) throw new UserError("--lanes: between 1 and 16");
        Path err = errors != null ? errors : csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".errors.csv");
        if (Files.isDirectory(err)) throw new UserError("--errors: " + err + " is a directory; give a file name");
        Path errDir = err.toAbsolutePath().getParent();
        if (errDir != null && !Files.isDirectory(errDir)) throw new UserError("--errors: directory " + errDir + " not found");
        quietLogging(verbose);
        DataSource ds = dataSource();
        try {
            Migrations.migrate(ds);
        } catch (RuntimeException e) {
            throw new UserError("database: cannot open or migrate it: " + firstLine(e));
        }
        BulkImport.Result r;
        try {
            r = new BulkImport(ds, new PolicyPacks(Policies.standard().root().toString()), chunk, lanes,
                    java.time.Clock.systemDefaultZone()).run(csv, err);
        } catch (IllegalArgumentException e) {
            throw new UserError(csv + ": " + e.getMessage());
        } catch (BulkImport.Failed e) {
            throw new UserError(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(csv + ": cannot read it or write " + err + ": " + e.getMessage());
        }
        System.out.println(String.format(Locale.ROOT, "read %,d, imported %,d, unchanged %,d, rejected %,d in %.1f s (%,.0f rows/s)",
                r.read(), r.imported(), r.unchanged(), r.rejected(), r.took().toMillis() / 1000.0, r.rowsPerSecond()));
        System.out.println(r.rejected() == 0 ? "no line was rejected" : "rejected lines and reasons: " + err);
        return 0;
    }

    /** The configuration's datasource (read as yibao ledger check reads it), or the demo's embedded H2 database. */
    private DataSource dataSource() {
        LedgerCommand.Database db = config == null ? LedgerCommand.Database.demo() : LedgerCommand.Database.from(config);
        DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.username(), db.password());
        try (Connection c = ds.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new UserError(db.unreachable(e));
        }
        return ds;
    }

    /** Without Spring Boot's logging setup, libraries (Flyway) would log at DEBUG: only warnings here. */
    private static void quietLogging(boolean verbose) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            if (verbose && LoggerFactory.getLogger(BulkImport.class) instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.DEBUG);
            }
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
