package org.openyibao.platform.fsi.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.error.Echo;
import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * Who is calling (INTERFACE §1.3): the x-tif gateway headers, an OAuth2 bearer token or a Kong {@code apikey}, each
 * naming one institution's credential; then whether that institution may send this envelope (its own
 * {@code fixmedins_code}, designated today). Every failure is an {@link FsiRefusal}.
 *
 * <p>x-tif: {@code x-tif-signature} = lowercase hex SHA-256(timestamp + secret + nonce + timestamp), compared
 * ignoring case; {@code x-tif-timestamp} in Unix seconds (13 digits are taken as milliseconds) within
 * ±{@code yibao.fsi.timestamp-window} seconds (default 300) of the server's clock; a nonce is refused when the same
 * paasid used it within the window (kept in the database across restarts, see {@link NonceStore}). The nonce is
 * checked when it is kept, once the call is answered: with the message's record in one statement when the call
 * succeeds (see {@code FsiMessages.record}), on its own otherwise ({@link #keep}); a reused one turns the answer into
 * the refusal and nothing the call did is kept.
 */
@Component
public class FsiAuthenticator {
    private final FsiCredentials credentials;
    private final FsiTokens tokens;
    private final long window;
    private final NonceStore nonces;

    public FsiAuthenticator(FsiCredentials credentials, FsiTokens tokens, JdbcTemplate jdbc,
                            @Value("${yibao.fsi.timestamp-window:300}") long windowSeconds) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.nonces = new NonceStore(jdbc);
        this.window = windowSeconds;
    }

    /** Who called: the credential the headers prove and, for x-tif, the nonce they used (null otherwise). */
    public record Caller(Credential credential, UsedNonce nonce) {}

    /**
     * The caller the request's headers prove, or a refusal. {@code claimed} (the envelope's code) is for the log;
     * {@code now} is when the request was received (the x-tif timestamp window is around it). An x-tif nonce is not
     * checked here but when it is kept.
     */
    public Caller identify(HttpHeaders h, String claimed, Instant now) {
        String paasid = h.getFirst("x-tif-paasid");
        if (paasid != null) return xTif(h, paasid.trim(), claimed, now.getEpochSecond());
        String auth = h.getFirst(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.length() > 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Caller(bearer(auth.substring(7).trim(), claimed), null);
        }
        String apikey = h.getFirst("apikey");
        if (apikey != null) return new Caller(apikey(apikey.trim(), claimed), null);
        throw FsiRefusal.unverified("no credentials", "authentication required: x-tif-paasid/x-tif-timestamp/x-tif-nonce/"
                + "x-tif-signature headers, Authorization: Bearer (from /auth/oauth/token) or apikey", claimed, null, null);
    }

    /** The envelope's fixmedins_code must be the credential's institution, designated on {@code today}. */
    public void admit(Credential c, String claimed, LocalDate today) {
        if (!c.fixmedinsCode().equals(claimed)) {
            throw new FsiRefusal("fixmedins_code of another institution (" + FsiRefusals.masked(claimed) + ")",
                    "fixmedins_code: " + Echo.cut(claimed) + " is not the institution these credentials belong to",
                    c.fixmedinsCode(), c.keyId());
        }
        if (!c.designatedOn(today)) {
            throw new FsiRefusal("institution not designated on " + today,
                    "fixmedins_code: " + Echo.cut(claimed) + " is not a designated institution on " + today, c.fixmedinsCode(), c.keyId());
        }
    }

    /**
     * Keeps a used nonce for its window in a statement of its own: false when the paasid used it already within the
     * window (the call must then be refused with {@link #nonceReused}).
     */
    public boolean keep(UsedNonce nonce) {
        return nonces.firstUse(nonce);
    }

    /** The refusal of a call whose x-tif nonce was used before within the window. */
    public static FsiRefusal nonceReused(Credential c) {
        return new FsiRefusal("x-tif-nonce reused", "authentication failed: x-tif-nonce already used; send a new nonce with"
                + " every request", c.fixmedinsCode(), c.keyId());
    }

    private Caller xTif(HttpHeaders h, String paasid, String claimed, long now) {
        String timestamp = h.getFirst("x-tif-timestamp");
        String nonce = h.getFirst("x-tif-nonce");
        String signature = h.getFirst("x-tif-signature");
        for (String[] hv : new String[][] {{"x-tif-timestamp", timestamp}, {"x-tif-nonce", nonce}, {"x-tif-signature", signature}}) {
            if (hv[1] == null || hv[1].isBlank()) {
                throw FsiRefusal.unverified("x-tif header missing: " + hv[0], "authentication failed: header " + hv[0] + " missing",
                        claimed, "paasid", paasid);
            }
        }
        timestamp = timestamp.trim();
        nonce = nonce.trim();
        long ts;
        try {
            if (!timestamp.matches("\\d{1,13}")) throw new NumberFormatException();
            ts = Long.parseLong(timestamp);
            if (timestamp.length() == 13) ts /= 1000;
        } catch (NumberFormatException e) {
            throw FsiRefusal.unverified("x-tif-timestamp not a number", "authentication failed: x-tif-timestamp must be Unix time in"
                    + " seconds", claimed, "paasid", paasid);
        }
        if (Math.abs(now - ts) > window) {
            throw FsiRefusal.unverified("x-tif-timestamp outside the window (" + (ts - now) + " s)", "authentication failed:"
                    + " x-tif-timestamp is " + Math.abs(now - ts) + " s from the server's clock (allowed: " + window + " s)",
                    claimed, "paasid", paasid);
        }
        if (nonce.length() > 128) {
            throw FsiRefusal.unverified("x-tif-nonce too long", "authentication failed: x-tif-nonce longer than 128 characters",
                    claimed, "paasid", paasid);
        }
        Optional<Credential> found = credentials.byPaasid(paasid);
        String badSig = "authentication failed: unknown x-tif-paasid or wrong x-tif-signature";
        if (found.isEmpty()) throw FsiRefusal.unverified("unknown paasid", badSig, claimed, "paasid", paasid);
        Credential c = found.get();
        enabled(c);
        String secret = credentials.secret(c);
        if (secret == null) {
            throw new FsiRefusal("secret cannot be opened (yibao.fsi.key missing or changed)", badSig, c.fixmedinsCode(), c.keyId());
        }
        if (!GmCrypto.hexEquals(GmCrypto.xTifSignature(timestamp, secret, nonce), signature)) {
            throw new FsiRefusal("bad x-tif signature", badSig, c.fixmedinsCode(), c.keyId());
        }
        return new Caller(c, new UsedNonce(paasid, nonce, ts + window, now));
    }

    private Credential bearer(String token, String claimed) {
        Optional<Credential> c = tokens.credentialOf(token).flatMap(credentials::byId);
        if (c.isEmpty()) {
            throw FsiRefusal.unverified("unknown or expired bearer token", "authentication failed: unknown or expired access token;"
                    + " get a new one from /auth/oauth/token", claimed, null, null);
        }
        enabled(c.get());
        return c.get();
    }

    private Credential apikey(String apikey, String claimed) {
        Optional<Credential> c = apikey.isEmpty() ? Optional.empty() : credentials.byApikey(apikey);
        if (c.isEmpty()) throw FsiRefusal.unverified("unknown apikey", "authentication failed: unknown apikey", claimed, null, null);
        enabled(c.get());
        return c.get();
    }

    private static void enabled(Credential c) {
        if (!c.enabled()) {
            throw new FsiRefusal("credential disabled", "authentication failed: these credentials are disabled",
                    c.fixmedinsCode(), c.keyId());
        }
    }
}
