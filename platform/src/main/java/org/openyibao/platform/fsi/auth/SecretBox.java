package org.openyibao.platform.fsi.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * Keeps what must be read back but not by whoever reads the database — the x-tif secrets (the signature needs the
 * secret itself, so it cannot be hashed) and the stored interface replies (they hold ID numbers and names) —
 * readable only with the server key {@code yibao.fsi.key}: {@code aesgcm:} + Base64(12-byte IV ‖
 * AES-256-GCM(SHA-256(key), text)). Without a key the text is stored as {@code plain:} + text (say so in
 * production checks; the demo makes itself a key).
 */
public final class SecretBox {
    private static final String SEALED = "aesgcm:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(String serverKey) {
        this.key = serverKey == null || serverKey.isBlank() ? null
                : new SecretKeySpec(GmCrypto.sha256(serverKey.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    public boolean hasKey() {
        return key != null;
    }

    public String seal(String secret) {
        if (key == null) return PLAIN + secret;
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    /** Whether {@code stored} was written by {@link #seal} (sealed or marked plain). */
    public static boolean isBoxed(String stored) {
        return stored != null && (stored.startsWith(SEALED) || stored.startsWith(PLAIN));
    }

    /** The secret, or null when it cannot be opened (no or another server key): the caller refuses. */
    public String open(String stored) {
        if (stored == null) return null;
        if (stored.startsWith(PLAIN)) return stored.substring(PLAIN.length());
        if (!stored.startsWith(SEALED) || key == null) return null;
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
