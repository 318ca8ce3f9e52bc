package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

import org.openyibao.platform.fsi.crypto.GmCrypto;

/** SM4, SM2/SM3 and the x-tif signature against published vectors and each other. */
class GmCryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sm4MatchesTheStandardsExample() {
        // GB/T 32907-2016 appendix A: key = plaintext = 0123456789abcdeffedcba9876543210
        byte[] k = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] c = GmCrypto.sm4Encrypt(k, k);
        assertThat(c).hasSize(32); // one block and one block of PKCS#7 padding
        assertThat(HEX.formatHex(c, 0, 16)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        assertThat(GmCrypto.sm4Decrypt(k, c)).isEqualTo(k);
    }

    @Test
    void sm4RoundTripsTextAndRefusesTheWrongKey() {
        byte[] key = "HospClient000001".getBytes(StandardCharsets.UTF_8);
        String enc = GmCrypto.sm4EncryptBase64(key, "{\"data\":{\"psn_name\":\"张三\"}}");
        assertThat(GmCrypto.sm4DecryptBase64(key, enc)).isEqualTo("{\"data\":{\"psn_name\":\"张三\"}}");
        assertThatThrownBy(() -> GmCrypto.sm4DecryptBase64("HospClient000002".getBytes(), enc)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GmCrypto.sm4Encrypt("short".getBytes(), new byte[1])).hasMessageContaining("16 bytes");
    }

    @Test
    void sm2SignaturesVerifyInBothEncodingsAndWithEitherUserId() {
        String[] kp = GmCrypto.sm2KeyPair();
        var pub = GmCrypto.parsePublicKey(kp[1]);
        var d = GmCrypto.parsePrivateKey(kp[0]);
        byte[] msg = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] id = "HospClient000001".getBytes();
        byte[] plain = GmCrypto.sm2Sign(d, id, msg);
        assertThat(plain).hasSize(64);
        assertThat(GmCrypto.sm2Verify(pub, List.of(id), msg, plain)).isTrue();
        assertThat(GmCrypto.sm2Verify(pub, List.of(GmCrypto.DEFAULT_USER_ID), msg, plain)).isFalse();
        assertThat(GmCrypto.sm2Verify(pub, List.of(GmCrypto.DEFAULT_USER_ID, id), msg, plain)).isTrue();
        byte[] der = GmCrypto.sm2SignDer(d, GmCrypto.DEFAULT_USER_ID, msg);
        assertThat(GmCrypto.sm2Verify(pub, List.of(id, GmCrypto.DEFAULT_USER_ID), msg, der)).isTrue();
        assertThat(GmCrypto.sm2Verify(pub, List.of(id), "{\"a\":2}".getBytes(), plain)).isFalse();
        assertThat(GmCrypto.sm2VerifyEncoded(pub, List.of(id), msg, Base64.getEncoder().encodeToString(plain))).isTrue();
        assertThat(GmCrypto.sm2VerifyEncoded(pub, List.of(id), msg, HEX.formatHex(plain))).isTrue();
        assertThat(GmCrypto.sm2VerifyEncoded(pub, List.of(id), msg, "garbage!")).isFalse();
    }

    @Test
    void publicKeysParseFromTheirUsualSpellings() throws Exception {
        String[] kp = GmCrypto.sm2KeyPair();
        byte[] point = HEX.parseHex(kp[1]);
        var expected = GmCrypto.parsePublicKey(kp[1]).getQ();
        assertThat(GmCrypto.parsePublicKey(kp[1].substring(2)).getQ()).isEqualTo(expected);
        assertThat(GmCrypto.parsePublicKey(Base64.getEncoder().encodeToString(point)).getQ()).isEqualTo(expected);
        byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1),
                point).getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(spki) + "\n-----END PUBLIC KEY-----";
        assertThat(GmCrypto.parsePublicKey(pem).getQ()).isEqualTo(expected);
        assertThat(GmCrypto.parsePublicKey(Base64.getEncoder().encodeToString(spki)).getQ()).isEqualTo(expected);
        assertThatThrownBy(() -> GmCrypto.parsePublicKey("04" + "00".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GmCrypto.parsePublicKey("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void xTifSignatureIsLowercaseHexSha256OfTimestampSecretNonceTimestamp() {
        // python3: hashlib.sha256(b'1700000000secret-abcnonce11700000000').hexdigest()
        assertThat(GmCrypto.xTifSignature("1700000000", "secret-abc", "nonce1"))
                .isEqualTo("8d1cfa2707e4aec88e459a318d6393638434cf6cc5d0d3deda6a6ae923e438e5");
        assertThat(GmCrypto.hexEquals("8d1cfa27", "8D1CFA27")).isTrue();
        assertThat(GmCrypto.hexEquals("8d1cfa27", "8d1cfa28")).isFalse();
        assertThat(GmCrypto.hexEquals("8d1cfa27", null)).isFalse();
    }
}
