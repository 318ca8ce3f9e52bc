package org.openyibao.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts that sign in to the console and the portal ({@code operator}, V72), and their failed sign-ins.
 * Storage only: {@link SignInGuard} decides.
 */
@Component
public class Operators {
    private final JdbcTemplate jdbc;

    public Operators(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as stored; {@code passwordHash} is a {@code {argon2}…} or {@code {bcrypt}…} hash. */
    public record Operator(ConsoleUser user, String passwordHash, boolean enabled, int failedSignIns, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<Operator> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, fixmedins_code, admdvs, psn_no, enabled, failed_sign_ins,"
                + " locked_until FROM operator WHERE username = ?", Operators::operator, username).stream().findFirst();
    }

    /** Adds an account, or replaces its password and binding when it exists (the demo's accounts at each start). */
    public void put(ConsoleUser user, String passwordHash) {
        int changed = jdbc.update("UPDATE operator SET password_hash = ?, role = ?, fixmedins_code = ?, admdvs = ?, psn_no = ?,"
                + " enabled = TRUE, failed_sign_ins = 0, locked_until = NULL WHERE username = ?", passwordHash, user.role().name(),
                user.fixmedinsCode(), user.admdvs(), user.psnNo(), user.username());
        if (changed == 0) {
            jdbc.update("INSERT INTO operator (username, password_hash, role, fixmedins_code, admdvs, psn_no) VALUES (?, ?, ?, ?, ?, ?)",
                    user.username(), passwordHash, user.role().name(), user.fixmedinsCode(), user.admdvs(), user.psnNo());
        }
    }

    /** One more failed sign-in; the account is locked until {@code lockUntil} once it has {@code maxFailures}. */
    public void signInFailed(String username, int maxFailures, Instant lockUntil) {
        jdbc.update("UPDATE operator SET failed_sign_ins = failed_sign_ins + 1, locked_until = CASE WHEN failed_sign_ins + 1 >= ?"
                + " THEN ? ELSE locked_until END WHERE username = ?", maxFailures, Timestamp.from(lockUntil), username);
    }

    /** A successful sign-in forgets the failures before it. */
    public void signedIn(String username) {
        jdbc.update("UPDATE operator SET failed_sign_ins = 0, locked_until = NULL WHERE username = ? AND failed_sign_ins > 0", username);
    }

    private static Operator operator(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        ConsoleUser user = new ConsoleUser(rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getString("fixmedins_code"),
                rs.getString("admdvs"), rs.getString("psn_no"));
        return new Operator(user, rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("failed_sign_ins"),
                locked == null ? null : locked.toInstant());
    }
}
