package org.openyibao.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** The Flyway migrations: common SQL for both databases plus a folder per vendor (db/migration/…). */
public final class Migrations {
    /** H2 settings that let the common migrations and queries run as on PostgreSQL. */
    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private Migrations() {}

    /**
     * The embedded H2 file database in {@code dir} (the demo's data/demo). AUTO_SERVER lets a second
     * process (yibao ledger check, yibao import) open it while the demo server runs.
     */
    public static String h2FileUrl(java.nio.file.Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("yibao") + ";" + H2_OPTIONS + ";AUTO_SERVER=TRUE";
    }

    public static void migrate(DataSource ds) {
        Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(ds))
                .load().migrate();
    }

    public static String vendor(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
