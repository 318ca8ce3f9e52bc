package org.openyibao.platform.fsi.auth;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.openyibao.platform.fsi.crypto.GmCrypto;
import org.openyibao.platform.web.ApiException;

/**
 * Institution credentials for the national interface (table {@code fsi_credential}): x-tif paasid and secret (the
 * secret sealed under {@code yibao.fsi.key}), OAuth client and user (hashed), a Kong apikey (SHA-256), an SM2 public
 * key. {@link #register} issues them and returns the plain secrets exactly once.
 *
 * <p>Lookups by paasid, apikey and id are kept in memory, with the x-tif secret already opened, for
 * {@code yibao.fsi.cache-seconds} (default 5; 0 turns the cache off), at most {@code yibao.fsi.cache-size} entries
 * (default 10,000). Only credentials found are kept. {@link #setEnabled} forgets the credential at once (again after
 * its commit); any other change of a credential or of its institution (designation dates, a change made in the
 * database by hand or by another server instance) is seen within that time (docs/fsi.md "Caches").
 */
@Service
public class FsiCredentials {
    private static final Logger log = LoggerFactory.getLogger(FsiCredentials.class);
    private static final Set<String> REPLY_ENCRYPTION = Set.of("auto", "always", "never");

    private static final String SELECT = "SELECT c.id, c.fixmedins_code, i.name AS institution_name, i.admdvs,"
            + " i.designated_from, i.designated_until, c.paasid, c.secret, c.client_id, c.client_secret_hash, c.username,"
            + " c.password_hash, c.sm2_public_key, c.signature_required, c.reply_encryption, c.enabled"
            + " FROM fsi_credential c JOIN institution i ON i.code = c.fixmedins_code";

    private static final RowMapper<Credential> ROW = (ResultSet rs, int n) -> new Credential(rs.getLong("id"),
            rs.getString("fixmedins_code"), rs.getString("institution_name"), rs.getString("admdvs"),
            date(rs, "designated_from"), date(rs, "designated_until"), rs.getString("paasid"), rs.getString("secret"),
            rs.getString("client_id"), rs.getString("client_secret_hash"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("sm2_public_key"), rs.getBoolean("signature_required"),
            rs.getString("reply_encryption"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecretBox box;
    /** A credential found, with its x-tif secret opened (null when it cannot be), by "p:" paasid, "a:" apikey hash, "i:" id. */
    private final Cache<String, Found> cache;
    private volatile boolean warnedPlain;

    private record Found(Credential credential, String secret) {}

    /** Without a cache (tools and tests that read credentials once). */
    public FsiCredentials(JdbcTemplate jdbc, PasswordEncoder encoder, String serverKey) {
        this(jdbc, encoder, serverKey, 0, 0);
    }

    @Autowired
    public FsiCredentials(JdbcTemplate jdbc, PasswordEncoder encoder, @Value("${yibao.fsi.key:}") String serverKey,
                          @Value("${yibao.fsi.cache-seconds:5}") long cacheSeconds,
                          @Value("${yibao.fsi.cache-size:10000}") long cacheSize) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.box = new SecretBox(serverKey);
        this.cache = cacheSeconds <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(cacheSeconds)).maximumSize(cacheSize).build();
    }

    // ------------------------------------------------------------------------------------------ lookups

    public Optional<Credential> byPaasid(String paasid) {
        return cached("p:" + paasid, SELECT + " WHERE c.paasid = ?", paasid);
    }

    public Optional<Credential> byClientId(String clientId) {
        return one(SELECT + " WHERE c.client_id = ?", clientId);
    }

    public Optional<Credential> byApikey(String apikey) {
        String hash = GmCrypto.sha256Hex(apikey);
        return cached("a:" + hash, SELECT + " WHERE c.apikey_hash = ?", hash);
    }

    public Optional<Credential> byId(long id) {
        return cached("i:" + id, SELECT + " WHERE c.id = ?", id);
    }

    private Optional<Credential> cached(String key, String sql, Object arg) {
        if (cache == null) return one(sql, arg);
        // loaded inside the cache's compute: an invalidation waits for a running load, so it never leaves a stale entry
        Found f = cache.get(key, k -> one(sql, arg).map(c -> new Found(c, box.open(c.sealedSecret()))).orElse(null));
        return f == null ? Optional.empty() : Optional.of(f.credential());
    }

    /**
     * Forgets every cached lookup of credential {@code id} now and, inside a transaction, again after it ends. Called
     * after the change is written: its keys are invalidated by name too, which waits for a lookup of them in flight
     * (that may have read the row as it was) and then drops what it loaded.
     */
    private void forget(long id) {
        if (cache == null) return;
        List<String> keys = new java.util.ArrayList<>(List.of("i:" + id));
        jdbc.query("SELECT paasid, apikey_hash FROM fsi_credential WHERE id = ?", rs -> {
            if (rs.getString("paasid") != null) keys.add("p:" + rs.getString("paasid"));
            if (rs.getString("apikey_hash") != null) keys.add("a:" + rs.getString("apikey_hash"));
        }, id);
        Runnable drop = () -> {
            cache.invalidateAll(keys);
            cache.asMap().values().removeIf(f -> f.credential().id() == id);
        };
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }

    /** Forgets every cached credential (tests; an operator's change made in the database). */
    public void forgetAll() {
        if (cache != null) cache.invalidateAll();
    }

    private Optional<Credential> one(String sql, Object arg) {
        List<Credential> l = jdbc.query(sql, ROW, arg);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The x-tif secret in clear, or null when it cannot be opened (sealed under another server key). */
    String secret(Credential c) {
        if (cache != null) {
            Found f = cache.getIfPresent("i:" + c.id());
            if (f == null && c.paasid() != null) f = cache.getIfPresent("p:" + c.paasid());
            if (f != null && f.credential().equals(c)) return f.secret();
        }
        return box.open(c.sealedSecret());
    }

    boolean matches(String raw, String hash) {
        return raw != null && hash != null && encoder.matches(raw, hash);
    }

    // ------------------------------------------------------------------------------------------ issuing

    /**
     * What to register. Null fields are generated (paasid, secret, client_id of 16 characters, client_secret,
     * username, password), except {@code apikey} and {@code sm2PublicKey} (none unless given).
     */
    public record Spec(String fixmedinsCode, String paasid, String secret, String clientId, String clientSecret,
                       String username, String password, String apikey, String sm2PublicKey, Boolean signatureRequired,
                       String replyEncryption) {
        public static Spec of(String fixmedinsCode) {
            return new Spec(fixmedinsCode, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** The credential as issued, with its secrets in clear: give them to the institution once, they are not kept. */
    public record Issued(long id, String fixmedinsCode, String paasid, String secret, String clientId, String clientSecret,
                         String username, String password, String apikey) {}

    public Issued register(Spec s) {
        String code = s.fixmedinsCode();
        if (code == null || code.isBlank()) throw ApiException.badRequest("fixmedins_code", "fixmedins_code: required");
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM institution WHERE code = ?", Integer.class, code);
        if (n == 0) throw ApiException.badRequest("fixmedins_code", "fixmedins_code: no institution " + code);
        String paasid = orElse(s.paasid(), () -> code.toLowerCase() + "-" + GmCrypto.randomAlphanumeric(8).toLowerCase());
        String secret = orElse(s.secret(), () -> GmCrypto.randomAlphanumeric(32));
        String clientId = orElse(s.clientId(), () -> GmCrypto.randomAlphanumeric(16));
        String clientSecret = orElse(s.clientSecret(), () -> GmCrypto.randomAlphanumeric(32));
        String username = orElse(s.username(), () -> code.toLowerCase());
        String password = orElse(s.password(), () -> GmCrypto.randomAlphanumeric(20));
        check("paasid", paasid, 64);
        check("client_id", clientId, 64);
        check("username", username, 64);
        if (secret.length() < 8) throw ApiException.badRequest("secret", "secret: at least 8 characters");
        String replyEncryption = s.replyEncryption() == null ? "auto" : s.replyEncryption();
        if (!REPLY_ENCRYPTION.contains(replyEncryption)) {
            throw ApiException.badRequest("reply_encryption", "reply_encryption: auto, always or never");
        }
        if (!"never".equals(replyEncryption) && clientId.getBytes(StandardCharsets.UTF_8).length != 16) {
            log.info("credential for {}: client_id is not 16 bytes, so SM4 (encrypted input or output) cannot be used", code);
        }
        if (s.sm2PublicKey() != null) {
            try {
                GmCrypto.parsePublicKey(s.sm2PublicKey());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("sm2_public_key", "sm2_public_key: " + e.getMessage());
            }
        }
        if (!box.hasKey() && !warnedPlain) {
            warnedPlain = true;
            log.warn("yibao.fsi.key is not set: x-tif secrets and stored interface replies are kept in clear (set it in production; the demo makes its own)");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO fsi_credential (fixmedins_code, paasid, secret, client_id,"
                    + " client_secret_hash, username, password_hash, apikey_hash, sm2_public_key, signature_required,"
                    + " reply_encryption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, code);
            ps.setString(2, paasid);
            ps.setString(3, box.seal(secret));
            ps.setString(4, clientId);
            ps.setString(5, encoder.encode(clientSecret));
            ps.setString(6, username);
            ps.setString(7, encoder.encode(password));
            ps.setString(8, s.apikey() == null ? null : GmCrypto.sha256Hex(s.apikey()));
            ps.setString(9, s.sm2PublicKey());
            ps.setBoolean(10, Boolean.TRUE.equals(s.signatureRequired()));
            ps.setString(11, replyEncryption);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        return new Issued(id, code, paasid, secret, clientId, clientSecret, username, password, s.apikey());
    }

    /** Enables or disables a credential (a disabled one is refused at once; its tokens stop working). */
    public void setEnabled(long id, boolean enabled) {
        if (jdbc.update("UPDATE fsi_credential SET enabled = ? WHERE id = ?", enabled, id) == 0) {
            throw ApiException.notFound("id", "id: no credential " + id);
        }
        forget(id);
    }

    /** An institution's credentials without any secret. */
    public List<Map<String, Object>> list(String fixmedinsCode) {
        return jdbc.query("SELECT id, fixmedins_code, paasid, client_id, username, apikey_hash IS NOT NULL AS has_apikey,"
                + " sm2_public_key IS NOT NULL AS has_sm2_key, signature_required, reply_encryption, enabled"
                + " FROM fsi_credential WHERE fixmedins_code = ? ORDER BY id", (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("fixmedins_code", rs.getString("fixmedins_code"));
                    m.put("paasid", rs.getString("paasid"));
                    m.put("client_id", rs.getString("client_id"));
                    m.put("username", rs.getString("username"));
                    m.put("has_apikey", rs.getBoolean("has_apikey"));
                    m.put("has_sm2_key", rs.getBoolean("has_sm2_key"));
                    m.put("signature_required", rs.getBoolean("signature_required"));
                    m.put("reply_encryption", rs.getString("reply_encryption"));
                    m.put("enabled", rs.getBoolean("enabled"));
                    return m;
                }, fixmedinsCode);
    }

    private static void check(String field, String v, int max) {
        if (v.isBlank() || v.length() > max || !v.matches("[0-9A-Za-z_.@-]+")) {
            throw ApiException.badRequest(field, field + ": 1-" + max + " letters, digits, '_', '.', '@' or '-'");
        }
    }

    private static String orElse(String v, java.util.function.Supplier<String> gen) {
        return v == null || v.isBlank() ? gen.get() : v;
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }
}
