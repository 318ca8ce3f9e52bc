package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
    @ValueSource(strings = {"1e100000000", "1e999999999", "-1e999999999", "1e-999999999", "\"1e999999\"", "1E+400"})
    void aHugeExponentIsRefusedInFewBytes(String number) {
        FsiTestClient c = hospital().signIn();
        FsiTestClient.Reply r = uploadWithAmount(c, number);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes().length).as("reply size").isLessThan(SMALL_REPLY);
        assertThat(r.infcode()).as(r.text()).isEqualTo(-1);
        assertThat(r.errMsg()).contains("input.feedetail[0].det_item_fee_sumamt");
    }

    @Test
    void aCodeSentAsAHugeNumberIsRefusedInFewBytes() {
        FsiTestClient c = hospital().signIn();
        String body = FsiJson.write(c.envelope("2201", msgid(), FsiSettlementFlowTest.data("psn_no", PSN, "insutype", "390",
                "begntime", "2026-01-05 09:30:00"))).replace("\"" + PSN + "\"", "1e100000000");
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
    @ValueSource(strings = {"1e309", "1e400", "-1e309", "1e100000000", "\"1e999999\"", "\"1e-999999\"", "1e-999999999"})
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
