package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** x-tif, OAuth and apikey authentication, institution checks, and the WARN line every refusal leaves (INTERFACE §1.3). */
class FsiAuthenticationTest extends FsiServerTest {

    /** Personal data in the input: none of it may reach a log line. */
    private static final JsonNode PERSONAL = FsiTestClient.json("{\"data\":{\"psn_no\":\"44080000000000000077\","
            + "\"certno\":\"440802199001011234\",\"psn_name\":\"李四\",\"mdtrt_cert_no\":\"440802199001011234\"}}");

    /** The call is refused with -1 and one WARN line naming the reason, the institution and the infno, and nothing personal. */
    /** The institution a caller claims before any credential confirms it, as the refusal log shows it: masked (issue 10). */
    static final String CLAIMED_HOSPITAL = "H4********01";

    private static void refused(FsiTestClient c, String errMsgPart, String reasonPart, String institution) {
        try (CapturedLogs logs = new CapturedLogs()) {
            FsiTestClient.Reply r = c.call("9901", PERSONAL);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
            assertThat(r.errMsg()).contains(errMsgPart);
            assertThat(r.output().isObject() && r.output().isEmpty()).isTrue();
            List<String> w = logs.warnings();
            assertThat(w).hasSize(1);
            assertThat(w.get(0)).contains("fsi refused: ").contains(reasonPart).contains("institution=" + institution)
                    .contains("infno=9901");
            assertPrivate(w.get(0));
            logs.all().forEach(FsiAuthenticationTest::assertPrivate);
        }
    }

    static void assertPrivate(String line) {
        assertThat(line).doesNotContain("44080000000000000077").doesNotContain("440802199001011234").doesNotContain("李四")
                .doesNotContain(SECRET).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void goodXTifHeadersPass() {
        FsiTestClient.Reply r = hospital().call("9901", PERSONAL);
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("fixmedins_code").asText()).isEqualTo(HOSPITAL);
    }

    @Test
    void theSignatureIsComparedIgnoringCase() throws Exception {
        long ts = System.currentTimeMillis() / 1000;
        String nonce = "ABC123";
        String sig = org.openyibao.platform.fsi.crypto.GmCrypto.xTifSignature(Long.toString(ts), SECRET, nonce).toUpperCase();
        FsiTestClient c = hospital().noAuth().header("x-tif-paasid", "paas-hospital").header("x-tif-timestamp", Long.toString(ts))
                .header("x-tif-nonce", nonce).header("x-tif-signature", sig);
        assertThat(c.call("9901", PERSONAL).infcode()).isZero();
    }

    @Test
    void aWrongSignatureIsRefused() {
        refused(hospital().xTif("paas-hospital", "not-the-secret"), "unknown x-tif-paasid or wrong x-tif-signature",
                "bad x-tif signature", HOSPITAL);
    }

    @Test
    void anOldOrFutureTimestampIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        refused(hospital().timestamp(now - 301), "x-tif-timestamp is 30", "x-tif-timestamp outside the window", CLAIMED_HOSPITAL);
        refused(hospital().timestamp(now + 400), "allowed: 300 s", "x-tif-timestamp outside the window", CLAIMED_HOSPITAL);
        // inside the window, and in milliseconds: fine
        assertThat(hospital().timestamp(now - 200).call("9901", PERSONAL).infcode()).isZero();
    }

    @Test
    void aReusedNonceIsRefused() {
        String nonce = "n" + System.nanoTime();
        assertThat(hospital().nonce(nonce).call("9901", PERSONAL).infcode()).isZero();
        refused(hospital().nonce(nonce), "x-tif-nonce already used", "x-tif-nonce reused", HOSPITAL);
        // another paasid may use the same nonce
        assertThat(client(OTHER, "paas-other", "other-secret").nonce(nonce).call("9901", PERSONAL).infcode()).isZero();
    }

    @Test
    void aNonceIsUsedUpByARefusedCallAndAReplayKeepsNothing() {
        FsiTestClient signedIn = hospital().signIn();
        // refused by the handler: nothing kept, but the nonce is used up
        String refusedNonce = "r" + System.nanoTime();
        String msgid = msgid();
        FsiTestClient.Reply r = signedIn.nonce(refusedNonce).call("9902", msgid,
                FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"1.00\",\"refuse\":\"yes\"}}"));
        assertThat(r.errMsg()).isEqualTo("refused as asked");
        r = signedIn.nonce(refusedNonce).call("9902", msgid(), FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"1.00\"}}"));
        assertThat(r.errMsg()).contains("x-tif-nonce already used");
        // a call that would succeed, with a used nonce: refused, and what it did is rolled back
        String used = "u" + System.nanoTime();
        assertThat(signedIn.nonce(used).call("9902", msgid(), FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"1.00\"}}"))
                .infcode()).isZero();
        String replayed = msgid();
        r = signedIn.nonce(used).call("9902", replayed, FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"2.00\"}}"));
        assertThat(r.errMsg()).contains("x-tif-nonce already used");
        assertThat(effects(replayed)).isZero();
        assertThat(TestTransactions.runs(replayed)).isEqualTo(1); // it ran, and was rolled back
    }

    @Test
    void unknownPaasidAndMissingHeadersAreRefused() {
        refused(client(HOSPITAL, "paas-nobody", SECRET), "unknown x-tif-paasid or wrong x-tif-signature", "unknown paasid", CLAIMED_HOSPITAL);
        refused(hospital().noAuth(), "authentication required", "no credentials", CLAIMED_HOSPITAL);
        refused(hospital().noAuth().header("x-tif-paasid", "paas-hospital"), "header x-tif-timestamp missing",
                "x-tif header missing", CLAIMED_HOSPITAL);
    }

    @Test
    void anUndesignatedInstitutionIsRefused() {
        refused(client(FORMER, "paas-former", "former-secret"), "is not a designated institution on",
                "institution not designated on", FORMER);
    }

    @Test
    void anEnvelopeNamingAnotherInstitutionIsRefused() {
        // the hospital's credentials, the other hospital's code in the envelope
        refused(new FsiTestClient(port, OTHER).xTif("paas-hospital", SECRET),
                "fixmedins_code: " + OTHER + " is not the institution these credentials belong to",
                "fixmedins_code of another institution (H4********02)", HOSPITAL);
    }

    @Test
    void aDisabledCredentialIsRefused() {
        var issued = credentials.register(new org.openyibao.platform.fsi.auth.FsiCredentials.Spec(OTHER, null, null, null, null, null,
                null, null, null, null, null));
        FsiTestClient c = client(OTHER, issued.paasid(), issued.secret());
        assertThat(c.call("9901", PERSONAL).infcode()).isZero();
        credentials.setEnabled(issued.id(), false);
        refused(c, "these credentials are disabled", "credential disabled", OTHER);
    }

    // ------------------------------------------------------------------------------------------ OAuth

    private HttpResponse<String> token(String clientId, String clientSecret, String form) throws Exception {
        return FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oauthPasswordGrantThenBearer() throws Exception {
        HttpResponse<String> r = token(CLIENT_ID, CLIENT_SECRET, "username=hosp&password=" + PASSWORD + "&scope=all&grant_type=password");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode t = FsiTestClient.json(r.body());
        assertThat(t.get("token_type").asText()).isEqualTo("bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(7200);
        assertThat(t.get("scope").asText()).isEqualTo("all");
        String token = t.get("access_token").asText();
        FsiTestClient c = new FsiTestClient(port, HOSPITAL).bearer(token).path("/mbs/fmi/fsi/api/callFsiService/callService");
        FsiTestClient.Reply reply = c.call("9901", PERSONAL);
        assertThat(reply.infcode()).as(reply.text()).isZero();
        // the token is the hospital's: not the other institution's
        refused(new FsiTestClient(port, OTHER).bearer(token), "is not the institution these credentials belong to",
                "fixmedins_code of another institution", HOSPITAL);
        refused(new FsiTestClient(port, HOSPITAL).bearer(token + "x"), "unknown or expired access token",
                "unknown or expired bearer token", CLAIMED_HOSPITAL);
    }

    @Test
    void oauthRefusals() throws Exception {
        try (CapturedLogs logs = new CapturedLogs()) {
            HttpResponse<String> r = token(CLIENT_ID, "wrong", "username=hosp&password=" + PASSWORD + "&grant_type=password");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(FsiTestClient.json(r.body()).get("error").asText()).isEqualTo("invalid_client");
            r = token(CLIENT_ID, CLIENT_SECRET, "username=hosp&password=wrong&grant_type=password");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(FsiTestClient.json(r.body()).get("error").asText()).isEqualTo("invalid_grant");
            r = token(CLIENT_ID, CLIENT_SECRET, "username=hosp&password=" + PASSWORD + "&grant_type=client_credentials");
            assertThat(FsiTestClient.json(r.body()).get("error").asText()).isEqualTo("unsupported_grant_type");
            assertThat(logs.warnings()).hasSize(3).allMatch(l -> l.contains("fsi refused: token request refused"));
            assertThat(logs.warnings()).anyMatch(l -> l.contains("institution=" + HOSPITAL));
            logs.all().forEach(FsiAuthenticationTest::assertPrivate);
        }
    }

    @Test
    void kongApikey() {
        FsiTestClient c = new FsiTestClient(port, HOSPITAL).noAuth().header("apikey", APIKEY);
        assertThat(c.call("9901", PERSONAL).infcode()).isZero();
        refused(new FsiTestClient(port, HOSPITAL).noAuth().header("apikey", "nope"), "unknown apikey", "unknown apikey", CLAIMED_HOSPITAL);
    }
}
