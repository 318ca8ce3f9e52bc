package org.openyibao.platform.fsi;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.fsi.auth.SecretBox;

/**
 * The message log (table {@code fsi_message}): every successful transaction's reply by the sender's msgid, unique
 * per institution. It makes the interface idempotent, and it is where 2601 reversal finds the original transaction
 * ({@code omsgid}, {@code oinfno}) and 3202 reconciliation finds msgids.
 */
@Service
public class FsiMessages {
    private final JdbcTemplate jdbc;
    private final SecretBox box;

    /** Replies stored as they are: for tests without a server key. */
    public FsiMessages(JdbcTemplate jdbc) {
        this(jdbc, "");
    }

    /** Replies sealed under the server key {@code yibao.fsi.key}, as the x-tif secrets are (issue 10). */
    @Autowired
    public FsiMessages(JdbcTemplate jdbc, @Value("${yibao.fsi.key:}") String serverKey) {
        this.jdbc = jdbc;
        this.box = new SecretBox(serverKey);
    }

    /** A recorded message: its infno and reply envelope (output unencrypted); {@code reply} is null while it runs. */
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

    /** The message {@code msgid} of this institution, as committed (a running one shows with a null reply). */
    public Optional<Stored> find(String fixmedinsCode, String msgid) {
        List<Stored> l = jdbc.query("SELECT infno, reply FROM fsi_message WHERE fixmedins_code = ? AND msgid = ?",
                (rs, i) -> new Stored(rs.getString("infno"), open(rs.getString("reply"))), fixmedinsCode, msgid);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Claims a msgid in the current transaction; a duplicate key when another has it (waits for it on PostgreSQL). */
    void claim(String fixmedinsCode, String msgid, String infno) {
        jdbc.update("INSERT INTO fsi_message (fixmedins_code, msgid, infno) VALUES (?, ?, ?)", fixmedinsCode, msgid, infno);
    }

    void complete(String fixmedinsCode, String msgid, String reply) {
        jdbc.update("UPDATE fsi_message SET reply = ? WHERE fixmedins_code = ? AND msgid = ?",
                box.hasKey() ? box.seal(reply) : reply, fixmedinsCode, msgid);
    }

    /** A stored reply as sent: sealed ones opened, ones stored before sealing (or without a key) as they are. */
    private String open(String stored) {
        if (stored == null || !SecretBox.isBoxed(stored)) return stored;
        String reply = box.open(stored);
        if (reply == null) throw new IllegalStateException("a stored reply cannot be opened: yibao.fsi.key is missing or changed");
        return reply;
    }

    void release(String fixmedinsCode, String msgid) {
        jdbc.update("DELETE FROM fsi_message WHERE fixmedins_code = ? AND msgid = ?", fixmedinsCode, msgid);
    }
}
