package org.openyibao.platform;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which database a {@link JdbcTemplate} talks to. Every statement is plain SQL that PostgreSQL and H2 (in
 * PostgreSQL mode) both run, except a few on the hot path that PostgreSQL runs as one statement where H2 needs two
 * (data-modifying WITH): those ask here.
 */
public final class Databases {
    private Databases() {
    }

    /** True when {@code jdbc} is connected to PostgreSQL. */
    public static boolean postgres(JdbcTemplate jdbc) {
        Boolean p = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
        return Boolean.TRUE.equals(p);
    }
}
