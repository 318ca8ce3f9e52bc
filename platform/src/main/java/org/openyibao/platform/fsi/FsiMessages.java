package org.openyibao.platform.fsi;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.fsi.auth.NonceStore;
import org.openyibao.platform.fsi.auth.SecretBox;
import org.openyibao.platform.fsi.auth.UsedNonce;

/**
 * The message log (table {@code fsi_message}): every successful transaction's reply by the sender's msgid, unique
 * per institution. It makes the interface idempotent, and it is where 2601 reversal finds the original transaction
 * ({@code omsgid}, {@code oinfno}) and 3202 reconciliation finds msgids.
 */
@Service
public class FsiMessages {
    /**
     * PostgreSQL: the call's x-tif nonce kept and its message recorded in one statement; no message row when the
     * nonce was used within its window (an expired use is taken over).
     */
    private static final String RECORD_WITH_NONCE = "WITH kept AS (INSERT INTO fsi_nonce (paasid, nonce, valid_until)"
            + " VALUES (?, ?, ?) ON CONFLICT (paasid, nonce) DO UPDATE SET valid_until = EXCLUDED.valid_until"
            + " WHERE fsi_nonce.valid_until < ? RETURNING 1)"
            + " INSERT INTO fsi_message (fixmedins_code, msgid, infno, reply) SELECT ?, ?, ?, ? FROM kept";
    private static final String RECORD = "INSERT INTO fsi_message (fixmedins_code, msgid, infno, reply) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final NonceStore nonces;
    private volatile Boolean postgres;

    /** Replies stored as they are: for tests without a server key. */
    public FsiMessages(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    /** Replies sealed under the server key {@code yibao.fsi.key}, as the x-tif secrets are (issue 10). */
    @Autowired
    public FsiMessages(JdbcTemplate jdbc, @Value("${yibao.fsi.key:}") String serverKey) {
        this.jdbc = jdbc;
        this.box = new SecretBox(serverKey);
        this.nonces = new NonceStore(jdbc);
    }

    /** A recorded message: its infno and reply envelope (output unencrypted). */
    public record Stored(String infno, String reply) {
        /** The reply envelope. */
        public JsonNode replyJson() {
            return FsiJson.parse(reply);
        }

        /** The reply's output object. */
        public JsonNode output() {
            return replyJson().path("output");
        }
    }

    /** The message {@code msgid} of this institution, as committed. */
    public Optional<Stored> find(String fixmedinsCode, String msgid) {
        List<Stored> l = jdbc.query("SELECT infno, reply FROM fsi_message WHERE fixmedins_code = ? AND msgid = ?",
                (rs, i) -> new Stored(rs.getString("infno"), open(rs.getString("reply"))), fixmedinsCode, msgid);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /**
     * Records a call's reply under its msgid in the current transaction, keeping the call's x-tif nonce ({@code null}:
     * none) with it: false, and nothing recorded, when the nonce was used within its window. A msgid taken already is
     * a duplicate key (on PostgreSQL after waiting for a transaction that holds it to end).
     */
    boolean record(String fixmedinsCode, String msgid, String infno, String reply, UsedNonce nonce) {
        String stored = box.hasKey() ? box.seal(reply) : reply;
        if (nonce == null) return jdbc.update(RECORD, fixmedinsCode, msgid, infno, stored) == 1;
        if (!postgres()) return nonces.firstUse(nonce) && jdbc.update(RECORD, fixmedinsCode, msgid, infno, stored) == 1;
        nonces.sweep(nonce.now());
        return jdbc.update(RECORD_WITH_NONCE, nonce.paasid(), nonce.nonce(), nonce.validUntil(), nonce.now(),
                fixmedinsCode, msgid, infno, stored) == 1;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = org.openyibao.platform.Databases.postgres(jdbc);
            postgres = p;
        }
        return p;
    }

    /** A stored reply as sent: sealed ones opened, ones stored before sealing (or without a key) as they are. */
    private String open(String stored) {
        if (stored == null || !SecretBox.isBoxed(stored)) return stored;
        String reply = box.open(stored);
        if (reply == null) throw new IllegalStateException("a stored reply cannot be opened: yibao.fsi.key is missing or changed");
        return reply;
    }
}
