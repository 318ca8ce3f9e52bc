package org.openyibao.platform.fsi.auth;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The x-tif nonces used while their timestamp is inside the window ({@code fsi_nonce}, unique per paasid), so that
 * captured headers cannot be replayed, with another body, even after a restart (issue 10, found 6: the x-tif
 * signature covers the timestamp, the nonce and the secret, not the body, by the national gateway's design; the
 * body is protected by the SM2 signature over {@code input}, docs/fsi.md). Shared by every server on the database.
 * Expired nonces are swept every 30 s.
 */
public final class NonceStore {
    private final JdbcTemplate jdbc;
    private final AtomicLong nextSweep = new AtomicLong();

    public NonceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a nonce is used by its paasid; it is then kept until its window ends. */
    public boolean firstUse(UsedNonce used) {
        return firstUse(used.paasid(), used.nonce(), used.validUntil(), used.now());
    }

    /** True the first time {@code nonce} is used by {@code paasid}; it is then kept until {@code until} (epoch s). */
    boolean firstUse(String paasid, String nonce, long until, long now) {
        sweep(now);
        try {
            jdbc.update("INSERT INTO fsi_nonce (paasid, nonce, valid_until) VALUES (?, ?, ?)", paasid, nonce, until);
            return true;
        } catch (DuplicateKeyException used) {
            // used before: first use again only once the earlier use has left its window
            return jdbc.update("UPDATE fsi_nonce SET valid_until = ? WHERE paasid = ? AND nonce = ? AND valid_until < ?",
                    until, paasid, nonce, now) == 1;
        }
    }

    /** Forgets the nonces whose window has ended, at most every 30 s. */
    public void sweep(long now) {
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + 30)) return;
        jdbc.update("DELETE FROM fsi_nonce WHERE valid_until < ?", now);
    }
}
