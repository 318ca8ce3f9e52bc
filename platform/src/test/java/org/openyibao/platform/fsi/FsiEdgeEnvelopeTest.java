package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found 2 of issue 10: requests to an interface path that a layer below the dispatcher refused got that layer's own
 * answer (Tomcat's HTML 400 for {@code %00} or {@code ..%2f} in the path or headers over 8 KB, HTTP 500 for a
 * malformed multipart body, a REST 401 when the path normalised out of the interface). Every request to an
 * interface path gets the national envelope, infcode -1 naming the problem. Sent over a raw socket: an HTTP client
 * library would refuse to send most of these.
 */
class FsiEdgeEnvelopeTest extends FsiServerTest {
    /** The status line, the headers and the body of a raw HTTP/1.1 exchange. */
    record Raw(int status, String head, String body) {}

    Raw raw(String requestLineAndHeaders, byte[] body) throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String head = requestLineAndHeaders + "Host: localhost\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String h = split < 0 ? text : text.substring(0, split);
            String b = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(h.substring(9, 12));
            return new Raw(status, h, b);
        }
    }

    static final byte[] ENVELOPE = "{\"infno\":\"9001\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"/fsi/api/rsfComIfsService/callService%00", "/fsi/api/rsfComIfsService/..%2fcallService",
            "/fsi/api/rsfComIfsService/%2e%2e/%2e%2e/%2e%2e/api/persons", "/fsi/../api/persons", "/fsi/api/%ZZ",
            "/fsi/api/rsfComIfsService/callService;jsessionid=x/..", "/fsi/api/rsfComIfsService/callService/%2e%2e"})
    void oddPathsGetTheEnvelope(String path) throws Exception {
        Raw r = raw("POST " + path + " HTTP/1.1\r\nContent-Type: application/json\r\n", ENVELOPE);
        assertEnvelope(r);
    }

    @org.junit.jupiter.api.Test
    void headersOverTheLimitGetTheEnvelope() throws Exception {
        Raw r = raw("POST /fsi/api/rsfComIfsService/callService HTTP/1.1\r\nContent-Type: application/json\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n", ENVELOPE);
        assertEnvelope(r);
    }

    @org.junit.jupiter.api.Test
    void aMalformedMultipartBodyGetsTheEnvelope() throws Exception {
        byte[] broken = "--XYZ\r\nContent-Disposition: form-data; name=\"jsonStr\"\r\n\r\n{\"infno\":\"9101\"}\r\n--XY"
                .getBytes(StandardCharsets.UTF_8);
        Raw r = raw("POST /fsi/api/fileupload/upload HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n", broken);
        assertThat(r.status()).isEqualTo(200);
        assertEnvelope(r);
        assertThat(r.body()).contains("multipart");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST /fsi/api/noSuchService/atAll", "GET /fsi/api/rsfComIfsService/callService", "PUT /ebus/x/y/hsa/hgs/2207",
            "DELETE /mbs/fmi/fsi/api/callFsiService/callService"})
    void otherRequestsInTheInterfacesSpaceGetTheEnvelope(String methodAndPath) throws Exception {
        Raw r = raw(methodAndPath + " HTTP/1.1\r\nContent-Type: application/json\r\n", ENVELOPE);
        assertThat(r.status()).isEqualTo(200);
        assertEnvelope(r);
    }

    /** Outside the interface, what Tomcat refuses is answered in the REST API's JSON, never its HTML page. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/persons%00", "/api/..%2fpersons", "/%ZZ"})
    void restPathsTomcatRefusesGetJson(String path) throws Exception {
        Raw r = raw("GET " + path + " HTTP/1.1\r\n", new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(r.body()).startsWith("{\"error\":\"Bad Request\"").doesNotContain("<html").doesNotContain("Tomcat");
    }

    static final String AGENCY = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
            ("agency:" + AGENCY_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";

    /**
     * Found by the fuzz suite (issue 10): an unknown transfer coding (Tomcat's 501) or HTTP version (505), CONNECT, a
     * method Spring Security's firewall does not know (an empty 400), OPTIONS (Spring's empty 200) and a header value the
     * firewall refuses when the headers are bound (a 500), and a body said to be chunked that is not (Tomcat forwarded it
     * to the error page, which Spring Security answered 401). Each gets the envelope, below 500.
     */
    @ParameterizedTest
    @ValueSource(strings = {"POST %s HTTP/1.1\r\nTransfer-Encoding: gzip\r\n", "POST %s HTTP/1.1\r\nTransfer-Encoding: chunked, br\r\n",
            "POST %s HTTP/1.1\r\nTransfer-Encoding: CHUNKED\r\n",
            "POST %s HTTP/2.0\r\n", "POST %s HTTP/1.2\r\n", "CONNECT %s HTTP/1.1\r\n", "PROPFIND %s HTTP/1.1\r\n", "post %s HTTP/1.1\r\n",
            "OPTIONS %s HTTP/1.1\r\n", "TRACE %s HTTP/1.1\r\n", "POST %s HTTP/1.1\r\nX-Any: \u00e6\u0096\u0087\r\n"})
    void oddMethodsVersionsCodingsAndHeadersGetTheEnvelopeBelow500(String head) throws Exception {
        Raw r = raw(String.format(head, "/fsi/api/rsfComIfsService/callService") + "Content-Type: application/json\r\n", ENVELOPE);
        assertThat(r.status()).as(r.head()).isLessThan(500);
        assertEnvelope(r);
    }

    /**
     * The same outside the interface, signed in or not: a JSON error below 500. Found by the fuzz suite: the firewall's
     * refusal went to the /error page, which Spring Security answered 401 (or 403 to agency staff) instead of the error.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET /api//persons/x HTTP/1.1\r\n", "PROPFIND /api/persons/x HTTP/1.1\r\n", "TRACE /api/persons/x HTTP/1.1\r\n",
            "CONNECT /api/persons/x HTTP/1.1\r\n", "CONNECT 127.0.0.1:443 HTTP/1.1\r\n", "GET /api/persons/x HTTP/2.0\r\n",
            "GET /api/persons/x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n"})
    void restRequestsRefusedBelowTheControllersGetAJsonErrorNot401(String head) throws Exception {
        for (String auth : new String[] {"", AGENCY}) {
            Raw r = raw(head + auth, new byte[0]);
            assertThat(r.status()).as(head + auth + r.head()).isBetween(400, 499).isNotIn(401, 403);
            assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
            assertThat(r.body()).startsWith("{\"error\":").contains("\"message\":");
            FsiHostileInputTest.assertNoInternals(r.body());
        }
    }

    static void assertEnvelope(Raw r) {
        assertThat(r.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(r.body()).startsWith("{\"infcode\":-1");
        assertThat(FsiJson.parse(r.body(), "reply").get("err_msg").asText()).isNotBlank();
        FsiHostileInputTest.assertNoInternals(r.body());
        assertThat(r.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }
}
