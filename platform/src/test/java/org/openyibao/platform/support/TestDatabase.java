package org.openyibao.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
        String name = "yibao_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DataSource ds;
        if (kind == Kind.H2) {
            ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";" + Migrations.H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
        } else {
            requirePostgres();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
            }
            ds = new DriverManagerDataSource("jdbc:postgresql://" + PG_HOST + "/" + name, "postgres", "");
        }
        Migrations.migrate(ds);
        return new TestDatabase(kind, ds, kind == Kind.POSTGRES ? name : null);
    }

    /** The JDBC URL of this database (for a server process or a plain connection of its own). */
    public String url() {
        return ((DriverManagerDataSource) dataSource).getUrl();
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
