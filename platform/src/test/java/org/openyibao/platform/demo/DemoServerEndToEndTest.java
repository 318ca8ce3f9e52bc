package org.openyibao.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starts the server as {@code ./yibao demo} does (demo mode, embedded database, Zhanjiang pack, the
 * seeded demo region) and calls its API over real HTTP: health, OpenAPI, roles, the registry, a
 * settlement with its trace, the fund report and the ledger check. Without the command line's generated
 * population: cli's DemoCommandTest starts the demo with it.
 */
// metrics exporters are off in tests unless asked for: the demo serves Prometheus, so this test does too
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-e2e;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=demo-test-password"})
class DemoServerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    record Reply(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    Reply call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":demo-test-password").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    @Test
    void theDemoServerAnswersItsApi() throws Exception {
        assertThat(call("GET", "/actuator/health", null, null).body()).contains("\"UP\"");
        Reply docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/settlements")).isTrue();
        // what a new user met (issue 11): a title, a way to sign in, the two "New" requests under their own names, the
        // interface's paths described, a person's settlements and a search beyond the full ID number
        assertThat(docs.json().at("/info/title").asText()).isEqualTo("OpenYibao API");
        assertThat(docs.json().at("/components/securitySchemes/staff/scheme").asText()).isEqualTo("basic");
        assertThat(docs.json().at("/components/schemas").has("PersonRegistration")).isTrue();
        assertThat(docs.json().at("/components/schemas").has("EnrolmentRequest")).isTrue();
        assertThat(docs.json().at("/components/schemas/PersonRegistration/properties/cert_no/example").asText())
                .isEqualTo("440802198001150014");
        assertThat(docs.json().at("/paths/~1fsi~1api~1rsfComIfsService~1callService/post/summary").asText()).contains("single endpoint");
        assertThat(call("GET", "/api/persons/44080000000003/settlements", "agency", null).json().at("/settlements/0/setl_id").asText())
                .startsWith("S");
        JsonNode byName = call("POST", "/api/persons/find", "auditor", "{\"q\": \"Wu\"}").json();
        assertThat(byName.at("/persons/0/psn_no").asText()).as(byName.toString()).isEqualTo("44080000000003");
        assertThat(byName.at("/persons/0/name").asText()).as("masked for the auditor").isEqualTo("W**********");
        assertThat(call("GET", "/actuator/prometheus", "monitor", null).body()).contains("yibao_settlements");

        // roles: no credentials → 401; the auditor reads but may not write
        assertThat(call("GET", "/api/funds/440800/report?year=2018", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/funds/440800/report?year=2018", "auditor", null).status()).isEqualTo(200);
        String visit = "{\"psn_no\": \"44080000000003\", \"institution_code\": \"H44080000001\", \"visit\": {\"date\": \"2018-11-02\","
                + " \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\", \"amount\": 20000}]}}";
        assertThat(call("POST", "/api/settlements", "auditor", visit).status()).isEqualTo(403);

        // a settlement of a seeded resident, with its trace; the resident's earlier 2018 admission counts
        Reply settled = call("POST", "/api/settlements", "agency", visit);
        assertThat(settled.status()).as(settled.body()).isEqualTo(201);
        JsonNode s = settled.json();
        assertThat(s.get("setl_id").asText()).startsWith("S");
        // level III 2018: (20,000 − 500) × 50% = 9,750; the year's in-scope self-pay is already past 20,000
        assertThat(s.get("hifp_pay").decimalValue()).isEqualByComparingTo("9750.00");
        assertThat(s.get("hifmi_pay").decimalValue().signum()).isPositive();
        assertThat(s.get("trace").size()).isGreaterThan(3);
        // every change through the API is in the operator audit log, the auditor's refused one too (issue 11)
        assertThat(jdbc.queryForList("SELECT username || ' ' || action || ' ' || outcome FROM operator_audit", String.class))
                .contains("agency POST /api/settlements 201", "auditor POST /api/settlements 403");
        Reply found = call("GET", "/api/settlements/" + s.get("setl_id").asText(), "auditor", null);
        assertThat(found.json().get("status").asText()).isEqualTo("settled");

        // a client's mistake is a 400 naming the field, never a 500
        Reply bad = call("POST", "/api/settlements", "agency", visit.replace("20000", "-1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("visit.lines[0].amount");
        assertThat(call("POST", "/api/settlements", "agency", "{not json").status()).isEqualTo(400);

        Reply report = call("GET", "/api/funds/440800/report?year=2018", "agency", null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("pooling");
        Reply check = call("GET", "/api/ledger/check", "agency", null);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("\"ok\":true");

        // the server alone has no DemoPopulation (the generator is sim's; yibao demo adds it, DemoCommandTest):
        // the hand-made people only
        assertThat(call("GET", "/api/persons/44089900000001", "agency", null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person WHERE admdvs = '440800'", Long.class)).isEqualTo(6);
    }
}
