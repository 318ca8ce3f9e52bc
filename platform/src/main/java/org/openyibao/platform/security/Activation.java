package org.openyibao.platform.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.web.ApiException;

/**
 * The insured's way into the portal (issue 11): the agency issues a one-time activation code for a person (a new one
 * replaces the old); the person activates with their psn_no, the code and a password of their own, which makes their
 * portal account (the user name is the psn_no, bound to that person). A code is 10 characters from an alphabet without
 * look-alikes, lives {@link #LIFETIME}, is used once, and dies after {@link #WRONG_TRIES} wrong tries; only its hash is
 * kept. Every refusal says the same thing, so that the portal does not tell which psn_nos have a code.
 */
@Component
public class Activation {
    public static final Duration LIFETIME = Duration.ofDays(30);
    public static final int WRONG_TRIES = 5;
    public static final int MIN_PASSWORD = 8;
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final String REFUSED = "code: this activation code is not valid (wrong, used, expired, or tried too often): ask"
            + " the agency for a new one";
    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final Operators operators;
    private final PersonService persons;
    private final Clock clock;

    public Activation(JdbcTemplate jdbc, TransactionTemplate tx, PasswordEncoder encoder, Operators operators,
                      PersonService persons, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.encoder = encoder;
        this.operators = operators;
        this.persons = persons;
        this.clock = clock;
    }

    /** A code issued: shown once to whoever issues it. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Issued(String psnNo, String code, Instant expiresAt) {}

    public Issued issue(String psnNo) {
        persons.existing("psn_no", psnNo);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        Instant expires = clock.instant().plus(LIFETIME);
        String hash = encoder.encode(code.toString());
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM activation_code WHERE psn_no = ?", psnNo);
            jdbc.update("INSERT INTO activation_code (psn_no, code_hash, expires_at) VALUES (?, ?, ?)", psnNo, hash,
                    Timestamp.from(expires));
        });
        return new Issued(psnNo, code.toString(), expires);
    }

    /** Makes (or replaces the password of) the person's portal account; refuses naming the field. */
    public void activate(String psnNo, String code, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw ApiException.badRequest("password", "password: " + MIN_PASSWORD + " to 200 characters");
        }
        String typed = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        Boolean activated = tx.execute(s -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT code_hash, expires_at, wrong_tries, used_at FROM activation_code"
                    + " WHERE psn_no = ? FOR UPDATE", psnNo == null ? "" : psnNo);
            if (rows.isEmpty()) throw ApiException.refused("code", REFUSED);
            Map<String, Object> r = rows.get(0);
            boolean live = r.get("used_at") == null && ((Number) r.get("wrong_tries")).intValue() < WRONG_TRIES
                    && toInstant(r.get("expires_at")).isAfter(clock.instant());
            if (!live) throw ApiException.refused("code", REFUSED);
            if (!encoder.matches(typed, (String) r.get("code_hash"))) {
                jdbc.update("UPDATE activation_code SET wrong_tries = wrong_tries + 1 WHERE psn_no = ?", psnNo);
                return false;
            }
            jdbc.update("UPDATE activation_code SET used_at = ? WHERE psn_no = ?", Timestamp.from(clock.instant()), psnNo);
            operators.put(new ConsoleUser(psnNo, Role.INSURED, null, null, psnNo), encoder.encode(password));
            return true;
        });
        // a wrong code is counted (committed with the transaction above), then refused
        if (!Boolean.TRUE.equals(activated)) throw ApiException.refused("code", REFUSED);
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Timestamp t) return t.toInstant();
        if (o instanceof java.time.OffsetDateTime d) return d.toInstant();
        return Instant.parse(o.toString());
    }
}
