package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import org.openyibao.platform.fsi.auth.FsiCredentials;

/**
 * The interface's in-memory caches of credentials (with the opened secret) and valid sign_nos
 * ({@code yibao.fsi.cache-seconds}, here 1 s): what this instance changes takes effect at once (9002 sign-out, a
 * credential disabled through {@link FsiCredentials#setEnabled}); what changes behind its back (another instance,
 * the database by hand) takes effect once the entry expires. Also: the interface's URLs are outside Spring Security's
 * chain but keep its response headers, and the REST API stays protected.
 */
@TestPropertySource(properties = "yibao.fsi.cache-seconds=1")
class FsiCacheTest extends FsiServerTest {
    private static final JsonNode SETTLE = FsiTestClient.json("{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":\"1.00\"}}");
    private static final long EXPIRY_WAIT_MS = 1_600;

    /** A fresh credential of OTHER, so that disabling it disturbs no other test. */
    private FsiCredentials.Issued fresh() {
        String paasid = "paas-cache-" + UUID.randomUUID().toString().substring(0, 8);
        return credentials.register(new FsiCredentials.Spec(OTHER, paasid, "cache-secret-" + paasid, null, null,
                paasid, null, null, null, false, "never"));
    }

    @Test
    void signOutTakesEffectAtOnceAlthoughTheSignNoIsCached() {
        FsiTestClient c = hospital().signIn();
        String signNo = c.signNo();
        assertThat(c.call("9902", SETTLE).infcode()).isZero(); // the sign_no is now cached
        assertThat(c.call("9902", SETTLE).infcode()).isZero();
        FsiTestClient.Reply r = c.call("9002", FsiTestClient.json("{\"signOut\":{\"sign_no\":\"" + signNo + "\",\"opter_no\":\"0001\"}}"));
        assertThat(r.infcode()).as(r.text()).isZero();
        r = c.call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).startsWith("sign_no: not valid for this institution");
    }

    @Test
    void aSignOutMadeElsewhereIsSeenOnceTheCacheEntryExpires() throws Exception {
        FsiTestClient c = hospital().signIn();
        assertThat(c.call("9902", SETTLE).infcode()).isZero();
        // as another server instance would: the row changes, this instance's cache does not hear of it
        jdbc.update("UPDATE fsi_sign_in SET signed_out_at = CURRENT_TIMESTAMP WHERE sign_no = ?", c.signNo());
        Thread.sleep(EXPIRY_WAIT_MS);
        FsiTestClient.Reply r = c.call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).startsWith("sign_no: not valid for this institution");
    }

    @Test
    void anInvalidSignNoIsNeverCached() {
        FsiTestClient c = hospital().signNo("440800" + "2099".repeat(6));
        assertThat(c.call("9902", SETTLE).errMsg()).startsWith("sign_no: not valid");
        // the same institution signs in with that very number (as if issued now): valid at once
        jdbc.update("INSERT INTO fsi_sign_in (sign_no, fixmedins_code, opter_no, signed_in_at) VALUES (?, ?, '0001', CURRENT_TIMESTAMP)",
                c.signNo(), HOSPITAL);
        assertThat(c.call("9902", SETTLE).infcode()).isZero();
    }

    @Test
    void disablingACredentialTakesEffectAtOnceAlthoughItIsCached() {
        FsiCredentials.Issued cred = fresh();
        FsiTestClient c = client(OTHER, cred.paasid(), cred.secret()).signIn();
        assertThat(c.call("9902", SETTLE).infcode()).isZero(); // cached now, with its secret opened
        credentials.setEnabled(cred.id(), false);
        FsiTestClient.Reply r = c.call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("authentication failed: these credentials are disabled");
        credentials.setEnabled(cred.id(), true);
        assertThat(c.call("9902", SETTLE).infcode()).isZero();
    }

    @Test
    void aCredentialChangedInTheDatabaseIsSeenOnceTheCacheEntryExpires() throws Exception {
        FsiCredentials.Issued cred = fresh();
        FsiTestClient c = client(OTHER, cred.paasid(), cred.secret()).signIn();
        assertThat(c.call("9902", SETTLE).infcode()).isZero();
        jdbc.update("UPDATE fsi_credential SET enabled = FALSE WHERE id = ?", cred.id());
        // within the cache's time this instance may still accept it (the documented staleness bound) …
        Thread.sleep(EXPIRY_WAIT_MS);
        // … and not after it
        FsiTestClient.Reply r = c.call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("authentication failed: these credentials are disabled");
    }

    @Test
    void aWrongSecretIsRefusedWhetherOrNotTheCredentialIsCached() {
        FsiCredentials.Issued cred = fresh();
        FsiTestClient good = client(OTHER, cred.paasid(), cred.secret()).signIn();
        assertThat(good.call("9902", SETTLE).infcode()).isZero();
        FsiTestClient.Reply r = client(OTHER, cred.paasid(), "not-the-secret").signNo(good.signNo()).call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("authentication failed: unknown x-tif-paasid or wrong x-tif-signature");
        // and the other institution's credential does not open this one's envelopes
        r = client(HOSPITAL, cred.paasid(), cred.secret()).signNo(good.signNo()).call("9902", SETTLE);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).startsWith("fixmedins_code: " + HOSPITAL + " is not the institution");
    }

    @Test
    void theInterfaceIsOutsideSpringSecurityButKeepsItsHeadersAndTheApiStaysProtected() throws Exception {
        HttpResponse<String> r = FsiTestClient.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/fsi/api/rsfComIfsService/callService"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"infcode\":-1");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        for (String path : new String[] {"/api/fsi/credentials?fixmedins_code=" + HOSPITAL, "/actuator/metrics"}) {
            HttpResponse<String> api = FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(path).isEqualTo(401);
        }
    }
}
