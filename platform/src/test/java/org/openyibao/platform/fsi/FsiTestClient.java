package org.openyibao.platform.fsi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.platform.fsi.crypto.GmCrypto;

/** A hospital's client as the tests need it: envelopes, x-tif / bearer / apikey headers, any path and content type. */
public final class FsiTestClient {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public record Reply(int status, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return FsiJson.parse(text(), "reply");
        }

        public int infcode() {
            return json().get("infcode").asInt();
        }

        public String errMsg() {
            return json().get("err_msg").asText();
        }

        public JsonNode output() {
            return json().get("output");
        }
    }

    private final int port;
    private final String institution;
    private String path = "/fsi/api/rsfComIfsService/callService";
    private String contentType = "application/json";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String paasid;
    private String secret;
    private Long timestamp;
    private String nonce;
    private String signNo;

    public FsiTestClient(int port, String institution) {
        this.port = port;
        this.institution = institution;
    }

    public FsiTestClient xTif(String paasid, String secret) {
        this.paasid = paasid;
        this.secret = secret;
        return this;
    }

    public FsiTestClient noAuth() {
        this.paasid = null;
        return this;
    }

    public FsiTestClient bearer(String token) {
        noAuth();
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    public FsiTestClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FsiTestClient path(String path) {
        this.path = path;
        return this;
    }

    public FsiTestClient contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    FsiTestClient timestamp(long epochSeconds) {
        this.timestamp = epochSeconds;
        return this;
    }

    FsiTestClient nonce(String nonce) {
        this.nonce = nonce;
        return this;
    }

    FsiTestClient signNo(String signNo) {
        this.signNo = signNo;
        return this;
    }

    /** The envelope of INTERFACE §1.5. */
    public ObjectNode envelope(String infno, String msgid, JsonNode input) {
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
        e.put("inf_time", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        e.put("fixmedins_code", institution);
        e.put("fixmedins_name", "Zhanjiang Central Hospital");
        e.put("sign_no", signNo == null ? "" : signNo);
        e.set("input", input);
        return e;
    }

    public Reply call(String infno, String msgid, JsonNode input) {
        return send(FsiJson.write(envelope(infno, msgid, input)));
    }

    public Reply call(String infno, JsonNode input) {
        return call(infno, FsiServerTest.msgid(), input);
    }

    /** Signs in with 9001 and keeps the sign_no for later envelopes. */
    public FsiTestClient signIn() {
        Reply r = call("9001", json("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}"));
        if (r.infcode() != 0) throw new IllegalStateException(r.text());
        signNo = r.output().get("signinoutb").get("sign_no").asText();
        return this;
    }

    public String signNo() {
        return signNo;
    }

    public Reply send(String body) {
        return send(body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply send(byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (paasid != null) {
            String ts = Long.toString(timestamp != null ? timestamp : System.currentTimeMillis() / 1000);
            String n = nonce != null ? nonce : UUID.randomUUID().toString().replace("-", "");
            b.header("x-tif-paasid", paasid).header("x-tif-timestamp", ts).header("x-tif-nonce", n)
                    .header("x-tif-signature", GmCrypto.xTifSignature(ts, secret, n));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String s) {
        return FsiJson.parse(s, "test json");
    }
}
