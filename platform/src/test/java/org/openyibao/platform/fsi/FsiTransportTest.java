package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths, content types and the reply envelope (INTERFACE §1.1, §1.2, §1.6). */
class FsiTransportTest extends FsiServerTest {

    private static final JsonNode INPUT = FsiTestClient.json("{\"data\":{\"psn_no\":\"44080000000000000001\",\"name\":\"张三\"}}");

    private static void echoed(FsiTestClient.Reply r, String infno) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("infno").asText()).isEqualTo(infno);
        assertThat(r.output().get("input").get("data").get("name").asText()).isEqualTo("张三");
    }

    @Test
    void theSingleEndpointsRouteOnTheBodysInfno() {
        echoed(hospital().call("9901", INPUT), "9901");
        echoed(hospital().path("/mbs/fmi/fsi/api/callFsiService/callService").call("9901", INPUT), "9901");
    }

    @Test
    void anInfnoInTheUrlServesWhenTheBodyHasNone() {
        for (String path : new String[] {"/fsi/api/rsfComIfsService/callService/9901", "/ebus/gdyb_inf/poc/hsa/hgs/9901",
                "/ebus/gdyb_api/prd/hsa/hgs/9901", "/mbs/fmi/fsi/api/callFsiService/callService/9901"}) {
            FsiTestClient c = hospital().path(path);
            var env = c.envelope("9901", msgid(), INPUT);
            env.remove("infno");
            echoed(c.send(FsiJson.write(env)), "9901");
            // the body's infno also present and equal: fine
            echoed(c.call("9901", INPUT), "9901");
        }
    }

    @Test
    void aUrlInfnoThatDisagreesWithTheBodyIsRefused() {
        FsiTestClient.Reply r = hospital().path("/ebus/gdyb_inf/poc/hsa/hgs/2207").call("9901", INPUT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("infno: the body says 9901 but the URL says 2207");
    }

    @Test
    void hebeiRoutesMapToTheirTransactions() {
        String[][] routes = {{"/fsi/api/signInSignOutService/signIn", "9001"}, {"/fsi/api/signInSignOutService/signOut", "9002"},
                {"/fsi/api/fileupload/upload", "9101"}, {"/fsi/api/fileupload/download", "9102"},
                {"/fsi/api/fsiPsnInfoService/queryPsnInfo", "1101"}, {"/fsi/api/catalogdownservice/downCatalog1301", "1301"},
                {"/fsi/api/catalogdownservice/downCatalog1305", "1305"},
                {"/fsi/api/outpatientSettleService/preSettletment", "2206"},
                {"/fsi/api/outpatientSettleService/saveSettletmentV2", "2207"},
                {"/fsi/api/outpatientSettleService/cancleSettletment", "2208"}, {"/fsi/api/hospSettService/preSett", "2303"},
                {"/fsi/api/hospSettService/settV2", "2304"}, {"/fsi/api/hospSettService/settCl", "2305"},
                {"/fsi/api/reverseService/revsMethod", "2601"}};
        for (String[] route : routes) {
            for (String prefix : new String[] {"", "/ebus/rio_fsi"}) {
                // the body names 9901: the route's own infno shows in the refusal
                FsiTestClient.Reply r = hospital().path(prefix + route[0]).call("9901", INPUT);
                assertThat(r.errMsg()).as(prefix + route[0]).isEqualTo("infno: the body says 9901 but the URL says " + route[1]);
            }
        }
        // and without infno in the body the route's transaction runs: 9001 sign-in
        FsiTestClient c = hospital().path("/ebus/rio_fsi/fsi/api/signInSignOutService/signIn");
        var env = c.envelope("9001", msgid(), FsiTestClient.json("{\"signIn\":{\"opter_no\":\"0001\"}}"));
        env.remove("infno");
        FsiTestClient.Reply r = c.send(FsiJson.write(env));
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("signinoutb").get("sign_no").asText()).hasSize(30).startsWith("440800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=utf-8", "application/json; charset=UTF-8", "text/plain",
            "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "none"})
    void everyContentTypeIsReadAsTheJsonEnvelope(String type) {
        echoed(hospital().contentType(type.equals("none") ? null : type).call("9901", INPUT), "9901");
    }

    @Test
    void anotherDeclaredCharsetIsHonoured() {
        FsiTestClient c = hospital().contentType("text/plain;charset=GBK");
        byte[] gbk = FsiJson.write(c.envelope("9901", msgid(), INPUT)).getBytes(java.nio.charset.Charset.forName("GBK"));
        echoed(c.send(gbk), "9901");
    }

    @Test
    void theReplyEnvelopeAlwaysHasItsSevenFields() {
        FsiTestClient.Reply r = hospital().call("9901", INPUT);
        JsonNode j = r.json();
        assertThat(j.fieldNames()).toIterable().containsExactly("infcode", "inf_refmsgid", "refmsg_time", "respond_time",
                "err_msg", "warn_msg", "output");
        assertThat(j.get("infcode").isNumber()).isTrue();
        assertThat(j.get("inf_refmsgid").asText()).matches("440800\\d{24}");
        assertThat(j.get("refmsg_time").asText()).matches("\\d{17}");
        assertThat(j.get("respond_time").asText()).matches("\\d{17}");
        assertThat(j.get("respond_time").asText()).isGreaterThanOrEqualTo(j.get("refmsg_time").asText());
        assertThat(j.get("err_msg").isNull()).isTrue();
        assertThat(j.get("warn_msg").isNull()).isTrue();
        // and a refusal too, with output {}
        JsonNode e = hospital().send("{not json").json();
        assertThat(e.fieldNames()).toIterable().containsExactly("infcode", "inf_refmsgid", "refmsg_time", "respond_time",
                "err_msg", "warn_msg", "output");
        assertThat(e.get("infcode").asInt()).isEqualTo(-1);
        assertThat(e.get("output").isObject()).isTrue();
    }

    @Test
    void malformedEnvelopesAreMinusOneNeverAStackTrace() {
        FsiTestClient c = hospital();
        FsiTestClient.Reply r = c.send("{\"infno\": \"9901\", \"input\": {");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).startsWith("malformed envelope: ").contains("line 1");
        assertThat(c.send("").errMsg()).isEqualTo("malformed envelope: empty body");
        assertThat(c.send("[1,2]").errMsg()).isEqualTo("malformed envelope: must be a JSON object");
        assertThat(c.send("{\"infno\":\"9901\"} trailing").errMsg()).startsWith("malformed envelope: ");
        assertThat(c.send("{\"infno\":\"9901\",\"infno\":\"2207\"}").errMsg()).startsWith("malformed envelope: the field 'infno' is given twice");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void unknownTransactionsAndMissingFieldsNameWhatIsWrong() {
        assertThat(hospital().call("9999", INPUT).errMsg()).isEqualTo("infno: 9999 is not a transaction this server knows");
        FsiTestClient c = hospital();
        var env = c.envelope("9901", msgid(), INPUT);
        env.remove("infno");
        assertThat(c.send(FsiJson.write(env)).errMsg()).isEqualTo("infno: required");
        env = c.envelope("9901", "", INPUT);
        assertThat(c.send(FsiJson.write(env)).errMsg()).isEqualTo("msgid: required");
        env = c.envelope("9901", msgid(), null);
        env.remove("input");
        assertThat(c.send(FsiJson.write(env)).errMsg()).isEqualTo("input: required");
        env = c.envelope("9901", msgid(), FsiTestClient.json("[1]"));
        assertThat(c.send(FsiJson.write(env)).errMsg()).isEqualTo("input: must be an object or an SM4-encrypted Base64 string");
        env = c.envelope("9901", msgid(), INPUT);
        env.remove("fixmedins_code");
        assertThat(c.send(FsiJson.write(env)).errMsg()).isEqualTo("fixmedins_code: required");
    }

    @Test
    void unknownEnvelopeKeysAreIgnoredAndAJsonStringInputIsRead() {
        FsiTestClient c = hospital();
        var env = c.envelope("9901", msgid(), INPUT);
        env.put("recer_admvs", "440800");
        env.put("enc_type", "SM4"); // OH always sends it, also with a plain input object
        env.putObject("expContent").put("x", 1);
        echoed(c.send(FsiJson.write(env)), "9901");
        env = c.envelope("9901", msgid(), INPUT);
        env.put("input", FsiJson.write(INPUT)); // the input object sent as a JSON string
        echoed(c.send(FsiJson.write(env)), "9901");
    }

    @Test
    void sharedServiceRefusalsBugsBinaryRepliesAndUploads() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = c.call("9905", FsiTestClient.json("{\"kind\":\"bad\"}"));
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("psn_no: not valid");
        r = c.call("9905", FsiTestClient.json("{\"kind\":\"missing\"}"));
        assertThat(r.infcode()).isEqualTo(-2);
        assertThat(r.errMsg()).isEqualTo("psn_no: no such person");
        try (CapturedLogs logs = new CapturedLogs()) {
            r = c.call("9906", FsiTestClient.json("{}"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.infcode()).isEqualTo(-1);
            assertThat(r.errMsg()).isEqualTo("internal error; nothing was changed");
            assertThat(logs.all()).anyMatch(l -> l.contains("fsi internal error") && l.contains("IllegalStateException"));
            assertThat(logs.all()).noneMatch(l -> l.contains("440802199001011234"));
        }
        r = c.call("9904", FsiTestClient.json("{\"fsDownloadIn\":{\"file_qury_no\":\"fsi/plc/1\"}}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/octet-stream");
        assertThat(r.bytes()).containsExactly('P', 'K', 3, 4, 0, 1);
        // 9101 as json-lib clients send it (signed bytes), as Jackson clients send it (Base64), and as a multipart upload
        r = c.call("9907", FsiTestClient.json("{\"fsUploadIn\":{\"in\":[80,75,-1,-128,0],\"filename\":\"a.zip\"}}"));
        assertThat(r.output().get("size").asInt()).as(r.text()).isEqualTo(5);
        r = c.call("9907", FsiTestClient.json("{\"fsUploadIn\":{\"in\":\"UEsDBA==\",\"filename\":\"a.zip\"}}"));
        assertThat(r.output().get("size").asInt()).isEqualTo(4);
    }

    @Test
    void multipartUploadCarriesTheEnvelopeInJsonStrAndTheFile() throws Exception {
        FsiTestClient c = hospital().signIn();
        String envelope = FsiJson.write(c.envelope("9907", msgid(), FsiTestClient.json("{\"fsUploadIn\":{\"filename\":\"a.zip\"}}")));
        String boundary = "----fsiboundary";
        byte[] file = new byte[1000];
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jsonStr\"\r\n\r\n" + envelope + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.zip\"\r\nContent-Type: application/zip\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.write(head.getBytes(StandardCharsets.UTF_8));
        b.write(file);
        b.write(tail);
        long ts = System.currentTimeMillis() / 1000;
        String nonce = java.util.UUID.randomUUID().toString();
        HttpResponse<String> r = FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fsi/api/fileupload/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("x-tif-paasid", "paas-hospital").header("x-tif-timestamp", Long.toString(ts)).header("x-tif-nonce", nonce)
                .header("x-tif-signature", org.openyibao.platform.fsi.crypto.GmCrypto.xTifSignature(Long.toString(ts), SECRET, nonce))
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        // the URL says 9101, the envelope 9907: refused, which shows the envelope was read from jsonStr
        assertThat(r.body()).contains("the body says 9907 but the URL says 9101");
        HttpResponse<String> r2 = FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fsi/api/rsfComIfsService/callService"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("x-tif-paasid", "paas-hospital").header("x-tif-timestamp", Long.toString(ts)).header("x-tif-nonce", nonce + "2")
                .header("x-tif-signature", org.openyibao.platform.fsi.crypto.GmCrypto.xTifSignature(Long.toString(ts), SECRET, nonce + "2"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = FsiJson.parse(r2.body(), "reply");
        assertThat(j.get("infcode").asInt()).as(r2.body()).isZero();
        assertThat(j.get("output").get("size").asInt()).isEqualTo(1000);
    }

    @Test
    void theRestOfTheServerKeepsItsOwnSecurity() throws Exception {
        HttpResponse<String> r = FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/fsi/credentials?fixmedins_code=" + HOSPITAL))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }
}
