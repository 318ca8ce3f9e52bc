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
 * Keeps the x-tif secrets readable only with the server key {@code yibao.fsi.key} (the signature needs the secret
 * itself, so it cannot be hashed): {@code aesgcm:} + Base64(12-byte IV ‖ AES-256-GCM(SHA-256(key), secret)).
 * Without a key the secret is stored as {@code plain:} + secret (the demo; say so in production checks).
 */
final class SecretBox {
    private static final String SEALED = "aesgcm:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(String serverKey) {
        this.key = serverKey == null || serverKey.isBlank() ? null
                : new SecretKeySpec(GmCrypto.sha256(serverKey.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    boolean hasKey() {
        return key != null;
    }

    String seal(String secret) {
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

    /** The secret, or null when it cannot be opened (no or another server key): the caller refuses. */
    String open(String stored) {
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
