package org.openyibao.platform.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.Migrations;

/**
 * A fresh, migrated database for one test: H2 in memory, or a new PostgreSQL database on the local
 * server (127.0.0.1:5432, trust auth), dropped by {@link #close}. The same repository tests run on
 * both (issue 3). Without a reachable PostgreSQL the PostgreSQL variant is skipped with a notice,
 * unless CI=true or YIBAO_REQUIRE_POSTGRES=1, where it fails.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { H2, POSTGRES }

    public static final String PG_HOST = System.getenv().getOrDefault("YIBAO_TEST_PG", "127.0.0.1:5432");

    public final Kind kind;
    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    private final String pgName;

    private TestDatabase(Kind kind, DataSource ds, String pgName) {
        this.kind = kind;
        this.dataSource = ds;
        this.jdbc = new JdbcTemplate(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        this.pgName = pgName;
    }

    public static TestDatabase fresh(Kind kind) {
        String name = newName();
        DataSource ds;
        if (kind == Kind.H2) {
            ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";" + Migrations.H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
        } else {
            ds = createPostgres(name);
        }
        Migrations.migrate(ds);
        return new TestDatabase(kind, ds, kind == Kind.POSTGRES ? name : null);
    }

    /** A new PostgreSQL database with nothing in it, not even the migrations: what a restore starts from. */
    public static TestDatabase emptyPostgres() {
        String name = newName();
        return new TestDatabase(Kind.POSTGRES, createPostgres(name), name);
    }

    private static String newName() {
        return "yibao_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static DataSource createPostgres(String name) {
        requirePostgres();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        return new DriverManagerDataSource("jdbc:postgresql://" + PG_HOST + "/" + name, "postgres", "");
    }

    /** The JDBC URL of this database (for a server process or a plain connection of its own). */
    public String url() {
        return ((DriverManagerDataSource) dataSource).getUrl();
    }

    /** The PostgreSQL database's name (for pg_dump and pg_restore); null on H2. */
    public String postgresName() {
        return pgName;
    }

    private static Boolean pgReachable;

    /** Skips (or, on CI, fails) when PostgreSQL cannot be reached. */
    public static synchronized void requirePostgres() {
        if (pgReachable == null) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "")) {
                pgReachable = c.isValid(2);
            } catch (SQLException e) {
                pgReachable = false;
            }
            if (!pgReachable) {
                System.err.println("NOTICE: PostgreSQL is not reachable at " + PG_HOST
                        + ": the PostgreSQL variants of the database tests are skipped (CI runs them).");
            }
        }
        boolean required = "true".equals(System.getenv("CI")) || "1".equals(System.getenv("YIBAO_REQUIRE_POSTGRES"));
        if (!pgReachable && required) {
            throw new IllegalStateException("PostgreSQL at " + PG_HOST + " is required here (CI) but not reachable");
        }
        Assumptions.assumeTrue(pgReachable, "PostgreSQL not reachable at " + PG_HOST + ": skipped");
    }

    /**
     * A PostgreSQL client program ({@code pg_dump}, {@code pg_restore}) from YIBAO_PG_BIN or the PATH; without it the
     * test is skipped with a notice, unless CI=true or YIBAO_REQUIRE_POSTGRES=1, where it fails.
     */
    public static Path requirePgTool(String name) {
        List<String> dirs = new ArrayList<>();
        String bin = System.getenv("YIBAO_PG_BIN");
        if (bin != null && !bin.isBlank()) dirs.add(bin);
        dirs.addAll(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String d : dirs) {
            if (d.isBlank()) continue;
            Path p = Paths.get(d, name);
            if (Files.isExecutable(p)) return p;
        }
        System.err.println("NOTICE: " + name + " is not on the PATH (nor in YIBAO_PG_BIN): the backup drill is skipped (CI runs it).");
        if ("true".equals(System.getenv("CI")) || "1".equals(System.getenv("YIBAO_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(name + " is required here (CI) but not on the PATH");
        }
        Assumptions.assumeTrue(false, name + " not found: skipped");
        return null;
    }

    /** The host and port of {@link #PG_HOST} as PostgreSQL's programs take them: {@code -h HOST -p PORT}. */
    public static List<String> pgHostOptions() {
        int colon = PG_HOST.lastIndexOf(':');
        return colon < 0 ? List.of("-h", PG_HOST) : List.of("-h", PG_HOST.substring(0, colon), "-p", PG_HOST.substring(colon + 1));
    }

    @Override
    public void close() {
        if (pgName == null) {
            jdbc.execute("SHUTDOWN");
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop " + pgName + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
