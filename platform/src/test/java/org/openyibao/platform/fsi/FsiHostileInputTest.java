package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the outside attack test of issue 10 found at the edges, each kept as a regression test: numbers
 * with huge exponents echoed in full (a 706-byte request, a 100 MB reply; HTTP 500 on REST), the JSON
 * parser's class and feature names in a reply, the auditor reading interface credentials and undoing the
 * ID number's mask with the birth date, 9101 taking any string for Base64.
 */
class FsiHostileInputTest extends FsiServerTest {
    static final String PSN = "44080000000911";
    /** A reply to a small hostile request stays small: its size does not grow with the number sent. */
    static final int SMALL_REPLY = 2_000;

    private static boolean seeded;

    @BeforeEach
    void person() {
        synchronized (FsiHostileInputTest.class) {
            if (seeded) return;
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, '440802198001150911', 'Hostile Input', '1', DATE '1980-01-15', '440800')", PSN);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PSN);
            seeded = true;
        }
    }

    /** 2204 with {@code det_item_fee_sumamt} written as the raw JSON {@code number}. */
    private FsiTestClient.Reply uploadWithAmount(FsiTestClient c, String number) {
        FsiTestClient.Reply reg = c.call("2201", FsiSettlementFlowTest.data("psn_no", PSN, "insutype", "390",
                "begntime", "2026-01-05 09:30:00"));
        assertThat(reg.infcode()).as(reg.text()).isZero();
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        ObjectNode line = FsiSettlementFlowTest.fee(mdtrtId, PSN, "1", "XA01", "1", "1.00", null);
        line.put("det_item_fee_sumamt", "@AMOUNT@");
        fees.putArray("feedetail").add(line);
        String body = FsiJson.write(c.envelope("2204", msgid(), fees)).replace("\"@AMOUNT@\"", number);
        return c.send(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100000000", "1e999999999", "-1e999999999", "1e-999999999", "\"1e999999\"", "1E+400",
            // found by the fuzz suite: an exponent beyond int range was an internal error (no decimal holds it)
            "1e2147483648", "-1e2147483648", "1e-2147483649", "1e2147483647"})
    void aHugeExponentIsRefusedInFewBytes(String number) {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = uploadWithAmount(c, number);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes().length).as("reply size").isLessThan(SMALL_REPLY);
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.feedetail[0].det_item_fee_sumamt");
    }

    /** Found by the fuzz suite: 1e2147483647 counted its digits in an int, which overflowed: an internal error. */
    @ParameterizedTest
    @ValueSource(strings = {"1e100000000", "1e2147483647", "-1e2147483647"})
    void aCodeSentAsAHugeNumberIsRefusedInFewBytes(String number) {
        FsiTestClient c = hospital().signIn();
        String body = FsiJson.write(c.envelope("2201", msgid(), FsiSettlementFlowTest.data("psn_no", PSN, "insutype", "390",
                "begntime", "2026-01-05 09:30:00"))).replace("\"" + PSN + "\"", number);
        FsiTestClient.Reply r = c.send(body);
        assertThat(r.bytes().length).as("reply size").isLessThan(SMALL_REPLY);
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.data.psn_no");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"infno\": \"9001\"} {\"trailing\": 1}", "{\"infno\": \"9001\", \"infno\": \"9002\"}",
            "{\"infno\": \"9001\",", "[1, 2", "\u0000\u0001", "{\"a\": tru}"})
    void malformedEnvelopesNameNoClassOrLibrary(String body) {
        FsiTestClient.Reply r = hospital().send(body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).startsWith("malformed envelope");
        assertNoInternals(r.text());
    }

    /** Found 9: the MIME decoder skipped illegal characters, so any string was "Base64". Line breaks are still fine. */
    @Test
    void uploadBytesMustBeBase64() {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = c.call("9101", FsiTestClient.json("{\"fsUploadIn\":{\"in\":\"UEs!DBA==\",\"filename\":\"a.zip\"}}"));
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.fsUploadIn.in").contains("Base64");
        r = c.call("9101", FsiTestClient.json("{\"fsUploadIn\":{\"in\":\"not base64 at all, 中文\",\"filename\":\"a.zip\"}}"));
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        r = c.call("9101", FsiTestClient.json("{\"fsUploadIn\":{\"in\":\"UEsD\\r\\nBA==\",\"filename\":\"a.zip\"}}"));
        assertThat(r.infcode()).as(r.text()).isZero();
    }

    /**
     * Found 7: the refusal log wrote what the caller sent as fixmedins_code, paasid or client_id, so an ID number or a
     * name sent there landed in a WARN line. Values no credential confirms are logged masked.
     */
    @Test
    void callerSuppliedIdentifiersReachTheLogOnlyMasked() throws Exception {
        String idNumber = "440802199001011234";
        String name = "Zhang Wei";
        JsonNode signIn = FsiTestClient.json("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}");
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(new FsiTestClient(port, idNumber).xTif(idNumber, "x").call("9001", signIn).infcode()).isEqualTo(-1);
            assertThat(new FsiTestClient(port, name).xTif(name, "x").call("9001", signIn).infcode()).isEqualTo(-1);
            assertThat(new FsiTestClient(port, idNumber).noAuth().header("apikey", idNumber).call("9001", signIn).infcode())
                    .isEqualTo(-1);
            assertThat(new FsiTestClient(port, name).xTif("paas-hospital", SECRET).call("9001", signIn).infcode()).isEqualTo(-1);
            HttpResponse<String> token = FsiTestClient.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/auth/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((idNumber + ":x").getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=a&password=b")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).isEqualTo(401);
            assertThat(logs.warnings()).hasSizeGreaterThanOrEqualTo(5);
            for (String line : logs.all()) {
                assertThat(line).doesNotContain(idNumber).doesNotContain(name).doesNotContain("ZhangWei").doesNotContain("Zhang?Wei");
            }
            assertThat(String.join("\n", logs.warnings())).contains("institution=44************34");
        }
    }

    /**
     * Found 8: the stored replies that make resending idempotent held ID numbers and names in clear. They are sealed
     * under the server key like the x-tif secrets, and a resent msgid still gets the very same bytes.
     */
    @Test
    void storedRepliesAreSealedAndStillResentByteForByte() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply first = c.call("1101", msgid, FsiSettlementFlowTest.data("psn_no", PSN));
        assertThat(first.infcode()).as(first.text()).isZero();
        assertThat(first.text()).contains("440802198001150911").contains("Hostile Input");
        String stored = jdbc.queryForObject("SELECT reply FROM fsi_message WHERE msgid = ?", String.class, msgid);
        assertThat(stored).startsWith("aesgcm:").doesNotContain("440802198001150911").doesNotContain("Hostile Input")
                .doesNotContain(PSN);
        FsiTestClient.Reply again = c.call("1101", msgid, FsiSettlementFlowTest.data("psn_no", PSN));
        assertThat(again.bytes()).isEqualTo(first.bytes());
    }

    static void assertNoInternals(String reply) {
        assertThat(reply).doesNotContainIgnoringCase("jackson").doesNotContain("com.fasterxml").doesNotContain("java.")
                .doesNotContain("Feature").doesNotContain("org.openyibao").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    // ---------------------------------------------------------------------------------------- REST

    private HttpResponse<String> rest(String method, String path, String body) throws Exception {
        return rest(method, path, body, "agency", AGENCY_PASSWORD);
    }

    private HttpResponse<String> rest(String method, String path, String body, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return FsiTestClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "1e400", "-1e309", "1e100000000", "\"1e999999\"", "\"1e-999999\"", "1e-999999999",
            "1e2147483647", "\"1e2147483648\""})
    void restRefusesHugeAmountsAsA400NamingTheField(String amount) throws Exception {
        String visit = "{\"psn_no\": \"" + PSN + "\", \"institution_code\": \"" + HOSPITAL + "\", \"visit\": {\"date\":"
                + " \"2026-01-05\", \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\", \"amount\": " + amount + "}]}}";
        for (String path : new String[] {"/api/settlements/estimate", "/api/settlements"}) {
            HttpResponse<String> r = rest("POST", path, visit);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.body().length()).as("reply size").isLessThan(SMALL_REPLY);
            assertThat(r.body()).contains("visit.lines[0].amount");
            assertNoInternals(r.body());
        }
    }

    /**
     * Found by the fuzz suite's long profile: the ledger's and contributions' amounts wrote a refused number out in full in
     * the message — 1e2147483647 overflowed the string (a 500), 1e-999999999 took 15 s and a gigabyte while it held the
     * enrolment's lock, so that other requests timed out (500s). Now cut like every other echo, at once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e2147483647", "1e-999999999", "1e-2147483647"})
    void ledgerAndContributionAmountsRefuseHugeNumbersAtOnce(String amount) throws Exception {
        HttpResponse<String> transfer = rest("POST", "/api/funds/440800/transfers", "{\"from_fund\": \"pooling\", \"to_fund\": "
                + "\"serious_illness\", \"amount\": " + amount + ", \"date\": \"2026-01-05\", \"reference\": \"test\"}");
        HttpResponse<String> wage = rest("PUT", "/api/contributions/average-wages/440800/2025",
                "{\"average_monthly_wage\": " + amount + ", \"source\": \"test\"}");
        for (HttpResponse<String> r : List.of(transfer, wage)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body().length()).as("reply size").isLessThan(SMALL_REPLY);
            assertNoInternals(r.body());
        }
        assertThat(wage.body()).contains("average_monthly_wage");
    }

    private HttpResponse<String> restWith(String method, String path, String body, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("agency:" + AGENCY_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header(header, value)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!header.equals("Content-Type") && body != null) b.header("Content-Type", "application/json");
        return FsiTestClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Found by the fuzz suite: an Accept header that no answer satisfies, or one that cannot be read, was a 500, and an
     * error (a 404, a 409) under such an Accept had an empty body. Errors are JSON whatever the Accept.
     */
    @ParameterizedTest
    @ValueSource(strings = {"image/png", "*/*;q=x", "text/html", "application/xml"})
    void anyAcceptGetsAJsonAnswerBelow500(String accept) throws Exception {
        HttpResponse<String> found = restWith("GET", "/api/persons/" + PSN, null, "Accept", accept);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(406);
        HttpResponse<String> missing = restWith("POST", "/api/settlements/NO-SUCH/cancel", null, "Accept", accept);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        for (HttpResponse<String> r : List.of(found, missing)) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(r.body()).startsWith("{\"error\":").contains("\"message\":");
            assertNoInternals(r.body());
        }
    }

    /** Found by the fuzz suite: a Content-Type with a wildcard made Spring MVC fail an assertion, answered as a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "multipart/*", "*", "application/*+json", "*/*; charset=utf-8"})
    void aWildcardContentTypeIsAnUnsupportedMediaType(String type) throws Exception {
        String visit = "{\"psn_no\": \"" + PSN + "\", \"institution_code\": \"" + HOSPITAL + "\", \"visit\": {\"date\":"
                + " \"2026-01-05\", \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\", \"amount\": 100}]}}";
        HttpResponse<String> r = restWith("POST", "/api/settlements/estimate", visit, "Content-Type", type);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(415);
        assertThat(r.body()).startsWith("{\"error\":").contains("application/json");
    }

    /**
     * Found by the fuzz suite: a number no decimal holds (an exponent beyond int range) escaped the JSON parser unwrapped
     * and was answered as our fault, a 500. The parser gives no place for it, so the message names none.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "-1e2147483648", "1e-2147483649"})
    void restRefusesANumberNoDecimalHoldsAsA400(String amount) throws Exception {
        String visit = "{\"psn_no\": \"" + PSN + "\", \"institution_code\": \"" + HOSPITAL + "\", \"visit\": {\"date\":"
                + " \"2026-01-05\", \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\", \"amount\": " + amount + "}]}}";
        for (String path : new String[] {"/api/settlements/estimate", "/api/settlements"}) {
            HttpResponse<String> r = rest("POST", path, visit);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("a number out of range");
            assertNoInternals(r.body());
        }
        HttpResponse<String> wage = rest("PUT", "/api/contributions/average-wages/440800/2017",
                "{\"average_monthly_wage\": " + amount + ", \"source\": \"x\"}");
        assertThat(wage.statusCode()).as(wage.body()).isEqualTo(400);
        assertNoInternals(wage.body());
    }

    /** Found 4: the auditor could list the interface credentials (paasid, client_id, username). */
    @Test
    void onlyAgencyStaffSeeInterfaceCredentials() throws Exception {
        String list = "/api/fsi/credentials?fixmedins_code=" + HOSPITAL;
        assertThat(rest("GET", list, null, "auditor", AUDITOR_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(rest("GET", "/api/fsi/credentials/1/disable", null, "auditor", AUDITOR_PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> agency = rest("GET", list, null);
        assertThat(agency.statusCode()).isEqualTo(200);
        assertThat(agency.body()).contains("paas-hospital");
        // the rest of the API stays readable to the auditor
        assertThat(rest("GET", "/api/persons/" + PSN, null, "auditor", AUDITOR_PASSWORD).statusCode()).isEqualTo(200);
    }

    /** Found 5: the masked ID number 440802********0911 beside birth_date 1980-01-15 gave the masked digits back. */
    @Test
    void theAuditorsMaskedPersonDoesNotGiveTheMaskedDigitsBack() throws Exception {
        String masked = rest("GET", "/api/persons/" + PSN, null, "auditor", AUDITOR_PASSWORD).body();
        assertThat(masked).contains("440802********0911").doesNotContain("19800115").doesNotContain("1980-01-15")
                .doesNotContain("birth_date").doesNotContain("Hostile Input");
        String full = rest("GET", "/api/persons/" + PSN, null).body();
        assertThat(full).contains("440802198001150911").contains("\"birth_date\":\"1980-01-15\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"psn_no\": 1} {}", "{\"psn_no\": \"a\", \"psn_no\": \"b\"}", "{\"psn_no\": [1, {\"x\": 1e999999999}]}"})
    void restMalformedBodiesNameNoClassOrLibrary(String body) throws Exception {
        HttpResponse<String> r = rest("POST", "/api/settlements/estimate", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body().length()).isLessThan(SMALL_REPLY);
        assertNoInternals(r.body());
    }
}
