package org.openyibao.platform.fsi.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The national cryptography of the interface (INTERFACE §1.3–1.4) with BouncyCastle's lightweight API (no JCE
 * provider to register): SM4/ECB/PKCS7Padding, SM3withSM2 signatures (r‖s or ASN.1 DER), SM2 keys on sm2p256v1,
 * and the x-tif gateway's SHA-256 signature. Shared by the server and {@code yibao call}.
 */
public final class GmCrypto {
    /** SM2's default user ID (GB/T 32918), used by clients that never set one. */
    public static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters SM2_DOMAIN = new ECDomainParameters(SM2_CURVE.getCurve(), SM2_CURVE.getG(),
            SM2_CURVE.getN(), SM2_CURVE.getH());
    private static final SecureRandom RANDOM = new SecureRandom();

    private GmCrypto() {}

    // ------------------------------------------------------------------------------------------ SM4

    /** SM4/ECB/PKCS7Padding; the key must be 16 bytes. */
    public static byte[] sm4Encrypt(byte[] key, byte[] plain) {
        return sm4(true, key, plain);
    }

    /** SM4/ECB/PKCS7Padding; throws {@link IllegalArgumentException} when the data or key is wrong. */
    public static byte[] sm4Decrypt(byte[] key, byte[] cipher) {
        if (cipher.length == 0 || cipher.length % 16 != 0) {
            throw new IllegalArgumentException("SM4 cipher text must be a non-empty multiple of 16 bytes, got " + cipher.length);
        }
        return sm4(false, key, cipher);
    }

    /** Base64(SM4(key, UTF-8 text)): how an encrypted {@code input} or {@code output} travels. */
    public static String sm4EncryptBase64(byte[] key, String text) {
        return Base64.getEncoder().encodeToString(sm4Encrypt(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The UTF-8 text inside Base64(SM4(key, text)). */
    public static String sm4DecryptBase64(byte[] key, String base64) {
        byte[] cipher;
        try {
            cipher = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Base64");
        }
        return new String(sm4Decrypt(key, cipher), StandardCharsets.UTF_8);
    }

    private static byte[] sm4(boolean encrypt, byte[] key, byte[] data) {
        if (key == null || key.length != 16) {
            throw new IllegalArgumentException("the SM4 key must be 16 bytes, got " + (key == null ? 0 : key.length));
        }
        BufferedBlockCipher c = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding()); // no mode: ECB
        c.init(encrypt, new KeyParameter(key));
        byte[] out = new byte[c.getOutputSize(data.length)];
        int n = c.processBytes(data, 0, data.length, out, 0);
        try {
            n += c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("SM4 decryption failed (wrong key or damaged data)");
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    // ------------------------------------------------------------------------------------------ SM2 / SM3

    /**
     * Verifies an SM3withSM2 signature. {@code signature} is raw r‖s (64 bytes) or ASN.1 DER; it is tried with each
     * user ID in turn (the institution's client_id, then SM2's default ID, which clients that never set one use).
     */
    public static boolean sm2Verify(ECPublicKeyParameters key, List<byte[]> userIds, byte[] message, byte[] signature) {
        for (byte[] id : userIds) {
            if (id == null || id.length == 0) continue;
            if (signature.length == 64 && verify(key, id, message, signature, true)) return true;
            if (signature.length > 64 && verify(key, id, message, signature, false)) return true;
        }
        return false;
    }

    /** Verifies a Base64 (or hex) encoded signature; false for anything unreadable. */
    public static boolean sm2VerifyEncoded(ECPublicKeyParameters key, List<byte[]> userIds, byte[] message, String encoded) {
        for (byte[] sig : decodings(encoded)) {
            if (sm2Verify(key, userIds, message, sig)) return true;
        }
        return false;
    }

    private static List<byte[]> decodings(String s) {
        List<byte[]> out = new ArrayList<>();
        String t = s.trim();
        try {
            out.add(Base64.getMimeDecoder().decode(t));
        } catch (IllegalArgumentException e) {
            // not Base64
        }
        if (t.length() % 2 == 0 && t.matches("[0-9a-fA-F]+")) out.add(HexFormat.of().parseHex(t));
        return out;
    }

    private static boolean verify(ECPublicKeyParameters key, byte[] id, byte[] message, byte[] sig, boolean plain) {
        try {
            SM2Signer signer = new SM2Signer(plain ? PlainDSAEncoding.INSTANCE : StandardDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(false, new ParametersWithID(key, id));
            signer.update(message, 0, message.length);
            return signer.verifySignature(sig);
        } catch (RuntimeException e) {
            return false; // malformed DER, point not on the curve…
        }
    }

    /** Signs with SM3withSM2: raw r‖s, 64 bytes (as the interface's clients send it). */
    public static byte[] sm2Sign(BigInteger d, byte[] userId, byte[] message) {
        try {
            SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, SM2_DOMAIN), RANDOM),
                    userId));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Signs with SM3withSM2 in ASN.1 DER. */
    public static byte[] sm2SignDer(BigInteger d, byte[] userId, byte[] message) {
        try {
            SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
            signer.init(true, new ParametersWithID(new ParametersWithRandom(new ECPrivateKeyParameters(d, SM2_DOMAIN), RANDOM),
                    userId));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** A new SM2 key pair: {private scalar d as 64 hex digits, public key as 130 hex digits 04||X||Y}. */
    public static String[] sm2KeyPair() {
        ECKeyPairGenerator g = new ECKeyPairGenerator();
        g.init(new ECKeyGenerationParameters(SM2_DOMAIN, RANDOM));
        AsymmetricCipherKeyPair kp = g.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) kp.getPrivate()).getD();
        ECPoint q = ((ECPublicKeyParameters) kp.getPublic()).getQ();
        return new String[] {String.format("%064x", d), HexFormat.of().formatHex(q.getEncoded(false))};
    }

    /** The private scalar from hex or Base64 (OH keeps it Base64 in its configuration). */
    public static BigInteger parsePrivateKey(String text) {
        String t = text.trim();
        byte[] b = t.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(t) : Base64.getMimeDecoder().decode(t);
        return new BigInteger(1, b);
    }

    /**
     * An SM2 public key from any of its usual spellings: hex 04||X||Y (130 digits) or X||Y (128), Base64 of those raw
     * bytes, Base64 or PEM of an X.509 SubjectPublicKeyInfo. {@link IllegalArgumentException} otherwise.
     */
    public static ECPublicKeyParameters parsePublicKey(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no SM2 public key");
        String t = text.trim();
        byte[] raw;
        if (t.matches("[0-9a-fA-F]{128}|[0-9a-fA-F]{130}")) {
            raw = HexFormat.of().parseHex(t);
        } else {
            String b64 = t.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                raw = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("an SM2 public key is hex 04||X||Y or Base64");
            }
            if (raw.length != 64 && raw.length != 65) {
                try {
                    raw = SubjectPublicKeyInfo.getInstance(raw).getPublicKeyData().getBytes();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("not an SM2 public key (neither a raw point nor X.509)");
                }
            }
        }
        if (raw.length == 64) {
            byte[] p = new byte[65];
            p[0] = 4;
            System.arraycopy(raw, 0, p, 1, 64);
            raw = p;
        }
        try {
            ECPoint q = SM2_CURVE.getCurve().decodePoint(raw);
            if (!q.isValid()) throw new IllegalArgumentException("the point is not on the SM2 curve");
            return new ECPublicKeyParameters(q, SM2_DOMAIN);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the point is not on the SM2 curve");
        }
    }

    // ------------------------------------------------------------------------------------------ x-tif

    /** x-tif-signature: lowercase hex SHA-256(timestamp + secret + nonce + timestamp), UTF-8 (INTERFACE §1.3). */
    public static String xTifSignature(String timestamp, String secret, String nonce) {
        return sha256Hex(timestamp + secret + nonce + timestamp);
    }

    public static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex strings, ignoring case. */
    public static boolean hexEquals(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** A random string of letters and digits (nonces, generated identifiers and secrets). */
    public static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }
}
