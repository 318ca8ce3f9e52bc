package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.fsi.crypto.GmCrypto;

/** SM4-encrypted input and output, SM2 signatures of input (INTERFACE §1.4), as OH's EasyGmUtils produces them. */
class FsiMessageCryptoTest extends FsiServerTest {
    private static final byte[] KEY = CLIENT_ID.getBytes(StandardCharsets.UTF_8);
    private static final String PLAIN = "{\"data\":{\"psn_no\":\"44080000000000000001\",\"psn_name\":\"张三\",\"medfee_sumamt\":\"12.30\"}}";

    private static String sign(String text, byte[] userId, boolean der) {
        var d = GmCrypto.parsePrivateKey(SM2[0]);
        byte[] msg = text.getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(der ? GmCrypto.sm2SignDer(d, userId, msg) : GmCrypto.sm2Sign(d, userId, msg));
    }

    /** An envelope whose input is exactly {@code inputText} (as the client serialized and signed it). */
    private static String body(FsiTestClient c, String infno, String inputText, String cainfo, String encType) {
        ObjectNode env = c.envelope(infno, msgid(), FsiTestClient.json("{}"));
        env.put("cainfo", cainfo == null ? "" : cainfo);
        env.put("signtype", cainfo == null ? "SM3" : "SM2");
        if (encType != null) env.put("enc_type", encType);
        env.remove("input");
        String head = FsiJson.write(env);
        return head.substring(0, head.length() - 1) + ",\"input\":" + inputText + "}";
    }

    @Test
    void encryptedInputGetsAnEncryptedReply() {
        FsiTestClient c = hospital();
        String enc = GmCrypto.sm4EncryptBase64(KEY, PLAIN);
        FsiTestClient.Reply r = c.send(body(c, "9901", "\"" + enc + "\"", null, "SM4"));
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().isTextual()).isTrue();
        JsonNode out = FsiTestClient.json(GmCrypto.sm4DecryptBase64(KEY, r.output().asText()));
        assertThat(out.get("input").get("data").get("psn_name").asText()).isEqualTo("张三");
        assertThat(out.get("encrypted_reply").asBoolean()).isTrue();
        // an error answers an encrypted request with an encrypted {} too (OH decrypts output before looking at infcode)
        FsiTestClient.Reply e = c.send(body(c, "9999", "\"" + enc + "\"", null, "SM4"));
        assertThat(e.infcode()).isEqualTo(-1);
        assertThat(GmCrypto.sm4DecryptBase64(KEY, e.output().asText())).isEqualTo("{}");
    }

    @Test
    void aPlainRequestGetsAPlainReply() {
        FsiTestClient c = hospital();
        FsiTestClient.Reply r = c.send(body(c, "9901", PLAIN, null, "SM4"));
        assertThat(r.output().isObject()).isTrue();
        assertThat(r.output().get("encrypted_reply").asBoolean()).isFalse();
    }

    @Test
    void undecryptableInputIsRefused() {
        FsiTestClient c = hospital();
        try (CapturedLogs logs = new CapturedLogs()) {
            FsiTestClient.Reply r = c.send(body(c, "9901", "\"" + GmCrypto.sm4EncryptBase64("0123456789abcdef".getBytes(), PLAIN) + "\"",
                    null, "SM4"));
            assertThat(r.infcode()).isEqualTo(-1);
            assertThat(r.errMsg()).startsWith("input: cannot be decrypted");
            assertThat(logs.warnings()).singleElement().asString().contains("input cannot be decrypted").contains(HOSPITAL);
        }
        assertThat(c.send(body(c, "9901", "\"@@not base64@@\"", null, "SM4")).errMsg()).startsWith("input: cannot be decrypted");
        assertThat(c.send(body(c, "9901", "\"" + GmCrypto.sm4EncryptBase64(KEY, PLAIN) + "\"", null, "AES")).errMsg())
                .isEqualTo("enc_type: only SM4 is supported, got \"AES\"");
    }

    @Test
    void sm4NeedsASixteenByteClientId() {
        var issued = credentials.register(new FsiCredentials.Spec(OTHER, null, null, "shortid", null, null, null, null, null, null, null));
        FsiTestClient c = client(OTHER, issued.paasid(), issued.secret());
        FsiTestClient.Reply r = c.send(body(c, "9901", "\"" + GmCrypto.sm4EncryptBase64(KEY, PLAIN) + "\"", null, "SM4"));
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("input: SM4 needs the institution's client_id to be 16 bytes (it is the key); ask the insurer to issue one");
    }

    @Test
    void sm2SignaturesOfInputAreVerified() {
        FsiTestClient c = hospital();
        // r‖s with client_id as the user ID, over the exact (pretty-printed) text of input
        String pretty = "{\n  \"data\" : {\n    \"psn_no\" : \"44080000000000000001\",\n    \"medfee_sumamt\" : 12.30\n  }\n}";
        FsiTestClient.Reply r = c.send(body(c, "9901", pretty, sign(pretty, KEY, false), null));
        assertThat(r.infcode()).as(r.text()).isZero();
        // DER with SM2's default user ID (OH's EasyGmUtils never sets one)
        r = c.send(body(c, "9901", PLAIN, sign(PLAIN, GmCrypto.DEFAULT_USER_ID, true), null));
        assertThat(r.infcode()).as(r.text()).isZero();
        // signed and encrypted, as OH does with isEncrypt=true: the signature is over the plain text
        r = c.send(body(c, "9901", "\"" + GmCrypto.sm4EncryptBase64(KEY, PLAIN) + "\"", sign(PLAIN, GmCrypto.DEFAULT_USER_ID, false), "SM4"));
        assertThat(r.infcode()).as(r.text()).isZero();
    }

    @Test
    void aTamperedInputOrAForeignSignatureIsRefused() {
        FsiTestClient c = hospital();
        String tampered = PLAIN.replace("12.30", "1230.00");
        try (CapturedLogs logs = new CapturedLogs()) {
            FsiTestClient.Reply r = c.send(body(c, "9901", tampered, sign(PLAIN, KEY, false), null));
            assertThat(r.infcode()).isEqualTo(-1);
            assertThat(r.errMsg()).isEqualTo("cainfo: the SM2 signature does not match input");
            List<String> w = logs.warnings();
            assertThat(w).singleElement().asString().contains("bad SM2 signature").contains("institution=" + HOSPITAL)
                    .doesNotContain("44080000000000000001").doesNotContain("张三");
        }
        String[] stranger = GmCrypto.sm2KeyPair();
        String foreign = Base64.getEncoder().encodeToString(GmCrypto.sm2Sign(GmCrypto.parsePrivateKey(stranger[0]), KEY,
                PLAIN.getBytes(StandardCharsets.UTF_8)));
        assertThat(c.send(body(c, "9901", PLAIN, foreign, null)).errMsg()).isEqualTo("cainfo: the SM2 signature does not match input");
        assertThat(c.send(body(c, "9901", PLAIN, "bm90IGEgc2lnbmF0dXJl", null)).errMsg())
                .isEqualTo("cainfo: the SM2 signature does not match input");
        // an institution without a registered key cannot sign
        FsiTestClient other = client(OTHER, "paas-other", "other-secret");
        assertThat(other.send(body(other, "9901", PLAIN, sign(PLAIN, KEY, false), null)).errMsg())
                .isEqualTo("cainfo: no SM2 public key is registered for this institution");
    }

    @Test
    void anInstitutionThatMustSignIsRefusedWithoutASignature() {
        var issued = credentials.register(new FsiCredentials.Spec(OTHER, null, null, null, null, null, null, null, SM2[1], true, null));
        FsiTestClient c = client(OTHER, issued.paasid(), issued.secret());
        assertThat(c.send(body(c, "9901", PLAIN, null, null)).errMsg())
                .isEqualTo("cainfo: an SM2 signature of input is required (signtype SM2)");
        // the default user ID, since this credential's generated client_id differs from the one signed with here
        assertThat(c.send(body(c, "9901", PLAIN, sign(PLAIN, GmCrypto.DEFAULT_USER_ID, false), null)).infcode()).isZero();
    }

    @Test
    void replyEncryptionAlways() {
        var issued = credentials.register(new FsiCredentials.Spec(OTHER, null, null, "AlwaysEncrypt001", null, null, null, null, null,
                null, "always"));
        FsiTestClient c = client(OTHER, issued.paasid(), issued.secret());
        FsiTestClient.Reply r = c.send(body(c, "9901", PLAIN, null, null));
        assertThat(r.infcode()).isZero();
        assertThat(FsiTestClient.json(GmCrypto.sm4DecryptBase64("AlwaysEncrypt001".getBytes(), r.output().asText()))
                .get("encrypted_reply").asBoolean()).isTrue();
    }
}
