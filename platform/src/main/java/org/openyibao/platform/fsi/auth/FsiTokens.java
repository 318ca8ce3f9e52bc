package org.openyibao.platform.fsi.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * OAuth2 bearer tokens (INTERFACE §1.3 c) in table {@code fsi_token}: only their SHA-256 is kept, so a copy of the
 * database does not hold usable tokens; they live {@code yibao.fsi.token-ttl} seconds (default 7200, longer than the
 * 600 s clients cache them) and work across server instances.
 */
@Service
public class FsiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final long ttlSeconds;
    /** The server's one clock ({@code PlatformClock}): expiry instants, whatever its zone. */
    private final Clock clock;
    private final AtomicLong nextPurge = new AtomicLong();

    public FsiTokens(JdbcTemplate jdbc, Clock clock, @Value("${yibao.fsi.token-ttl:7200}") long ttlSeconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttlSeconds = ttlSeconds;
    }

    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** A new token for the credential. */
    public String issue(long credentialId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.toEpochSecond() >= nextPurge.get()) {
            nextPurge.set(now.toEpochSecond() + 60);
            jdbc.update("DELETE FROM fsi_token WHERE expires_at < ?", now);
        }
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        jdbc.update("INSERT INTO fsi_token (token_hash, credential_id, expires_at) VALUES (?, ?, ?)",
                GmCrypto.sha256Hex(token), credentialId, now.plusSeconds(ttlSeconds));
        return token;
    }

    /** The credential a live token was issued to. */
    public Optional<Long> credentialOf(String token) {
        List<Long> ids = jdbc.queryForList("SELECT credential_id FROM fsi_token WHERE token_hash = ? AND expires_at > ?",
                Long.class, GmCrypto.sha256Hex(token), OffsetDateTime.now(clock));
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }
}
