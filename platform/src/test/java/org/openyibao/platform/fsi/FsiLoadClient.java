package org.openyibao.platform.fsi;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * A hospital's client for the load and fault tests: x-tif signed envelopes to {@code 127.0.0.1} (never a name that
 * may resolve to ::1), HTTP/1.1, bounded connect and request timeouts, and a transport failure (refused connection,
 * reset, timeout) reported as an {@link IOException} so that a caller can retry the same msgid. The port may change
 * (a restarted server). Thread-safe.
 */
final class FsiLoadClient {
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String institution;
    private final String paasid;
    private final String secret;
    private final Duration timeout;
    private volatile int port;
    private volatile String signNo = "";

    FsiLoadClient(int port, String institution, String paasid, String secret, Duration timeout) {
        this.port = port;
        this.institution = institution;
        this.paasid = paasid;
        this.secret = secret;
        this.timeout = timeout;
    }

    void port(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    String institution() {
        return institution;
    }

    /** A fresh msgid: the institution code and 18 random characters (30 in all, as INTERFACE §1.5's). */
    String msgid() {
        return institution + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    }

    /** Signs in (9001) and keeps the sign_no for later envelopes. */
    FsiLoadClient signIn() throws IOException {
        FsiTestClient.Reply r = send("9001", msgid(),
                FsiJson.parse("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}", "t"));
        if (r.status() != 200 || r.infcode() != 0) throw new IllegalStateException("9001: " + r.text());
        signNo = r.output().get("signinoutb").get("sign_no").asText();
        return this;
    }

    ObjectNode envelope(String infno, String msgid, JsonNode input) {
        ObjectNode e = FsiJson.MAPPER.createObjectNode();
        e.put("infno", infno);
        e.put("msgid", msgid);
        e.put("mdtrtarea_admvs", "440800");
        e.put("insuplc_admdvs", "440800");
        e.put("recer_sys_code", "sys01");
        e.put("dev_no", "");
        e.put("dev_safe_info", "");
        e.put("cainfo", "");
        e.put("signtype", "");
        e.put("infver", "V1.0");
        e.put("opter_type", "1");
        e.put("opter", "0001");
        e.put("opter_name", "王医生");
        e.put("inf_time", LocalDateTime.now().format(INF_TIME));
        e.put("fixmedins_code", institution);
        e.put("fixmedins_name", "Zhanjiang Central Hospital");
        e.put("sign_no", signNo);
        e.set("input", input);
        return e;
    }

    /** One POST of one envelope; any transport failure is an IOException (the message may or may not have run). */
    FsiTestClient.Reply send(String infno, String msgid, JsonNode input) throws IOException {
        byte[] body = FsiJson.write(envelope(infno, msgid, input)).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fsi/api/rsfComIfsService/callService"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("x-tif-paasid", paasid).header("x-tif-timestamp", ts).header("x-tif-nonce", nonce)
                .header("x-tif-signature", GmCrypto.xTifSignature(ts, secret, nonce))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return new FsiTestClient.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** GET a path; the status code, or -1 when nothing answers. */
    int get(String path, Duration within) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(within).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
