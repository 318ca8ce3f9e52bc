package org.openyibao.platform.fsi.signin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.openyibao.platform.fsi.FsiClock;
import org.openyibao.platform.fsi.FsiException;

/**
 * Sign-ins (9001) and sign-outs (9002) in table {@code fsi_sign_in}. A sign_no is valid for the institution that
 * signed in, until it signs out, for {@code yibao.fsi.sign-in-hours} hours (default 24: clients such as OH cache
 * sign_no for 24 h per operator, across midnight). Several operators may be signed in at once.
 *
 * <p>A valid sign_no is remembered in memory (with its sign-in time) for {@code yibao.fsi.cache-seconds} (default
 * 5; 0: not at all), at most {@code yibao.fsi.cache-size} of them; the validity period is still checked on every
 * call. A sign-out (9002) through this instance forgets it at once and again after its commit; a sign-out through
 * another instance is seen within that time. Invalid sign_nos are never remembered.
 */
@Service
public class SignIns {
    private final JdbcTemplate jdbc;
    private final FsiClock clock;
    private final long validityHours;
    /** Valid sign_nos by institution + NUL + sign_no: their sign-in time. */
    private final Cache<String, OffsetDateTime> valid;

    /** Without a cache. */
    public SignIns(JdbcTemplate jdbc, FsiClock clock, long validityHours) {
        this(jdbc, clock, validityHours, 0, 0);
    }

    @Autowired
    public SignIns(JdbcTemplate jdbc, FsiClock clock, @Value("${yibao.fsi.sign-in-hours:24}") long validityHours,
                   @Value("${yibao.fsi.cache-seconds:5}") long cacheSeconds,
                   @Value("${yibao.fsi.cache-size:10000}") long cacheSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validityHours = validityHours;
        this.valid = cacheSeconds <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(cacheSize).build();
    }

    public record SignIn(String signNo, LocalDateTime signTime) {}

    /** Signs in at {@code when} (the 9001 call's received time, in the interface's zone). */
    public SignIn signIn(String fixmedinsCode, String opterNo, String mac, String ip, ZonedDateTime when) {
        List<String> admdvs = jdbc.queryForList("SELECT admdvs FROM institution WHERE code = ?", String.class, fixmedinsCode);
        String signNo = clock.newId(admdvs.isEmpty() ? null : admdvs.get(0), when.toInstant());
        OffsetDateTime at = when.toOffsetDateTime().withNano(0);
        jdbc.update("INSERT INTO fsi_sign_in (sign_no, fixmedins_code, opter_no, mac, ip, signed_in_at) VALUES (?, ?, ?, ?, ?, ?)",
                signNo, fixmedinsCode, opterNo, mac, ip, at);
        return new SignIn(signNo, at.toLocalDateTime());
    }

    /** Signs out at {@code when}; -2 when the sign_no is not this institution's or is already signed out. */
    public LocalDateTime signOut(String fixmedinsCode, String signNo, ZonedDateTime when) {
        OffsetDateTime at = when.toOffsetDateTime().withNano(0);
        int n = jdbc.update("UPDATE fsi_sign_in SET signed_out_at = ? WHERE sign_no = ? AND fixmedins_code = ?"
                + " AND signed_out_at IS NULL", at, signNo, fixmedinsCode);
        if (n == 0) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_sign_in WHERE sign_no = ? AND fixmedins_code = ?",
                    Integer.class, signNo, fixmedinsCode);
            throw FsiException.business("sign_no " + signNo + (known > 0 ? ": already signed out" : ": no such sign-in"));
        }
        forget(fixmedinsCode, signNo);
        return at.toLocalDateTime();
    }

    /** The sign_no was issued to this institution less than the validity before {@code now} and is not signed out. */
    public boolean valid(String fixmedinsCode, String signNo, Instant now) {
        if (signNo == null || signNo.isBlank() || signNo.length() > 40) return false;
        OffsetDateTime since = now.atZone(clock.zone()).toOffsetDateTime().minusHours(validityHours);
        OffsetDateTime signedIn;
        if (valid == null) {
            signedIn = signedIn(fixmedinsCode, signNo);
        } else {
            // loaded inside the cache's compute: a sign-out's invalidation waits for a running load
            signedIn = valid.get(fixmedinsCode + '\u0000' + signNo, k -> signedIn(fixmedinsCode, signNo));
        }
        return signedIn != null && signedIn.isAfter(since);
    }

    /** When this institution's sign_no signed in, if it has not signed out; else null. */
    private OffsetDateTime signedIn(String fixmedinsCode, String signNo) {
        List<OffsetDateTime> l = jdbc.queryForList("SELECT signed_in_at FROM fsi_sign_in WHERE sign_no = ? AND fixmedins_code = ?"
                + " AND signed_out_at IS NULL", OffsetDateTime.class, signNo, fixmedinsCode);
        return l.isEmpty() ? null : l.get(0);
    }

    /**
     * Forgets a sign_no, once signed out, now (waiting for a lookup of it in flight) and, inside a transaction, again
     * once it has ended: a lookup made before the commit read it as still valid.
     */
    private void forget(String fixmedinsCode, String signNo) {
        if (valid == null || signNo == null) return;
        String key = fixmedinsCode + '\u0000' + signNo;
        valid.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    valid.invalidate(key);
                }
            });
        }
    }
}
