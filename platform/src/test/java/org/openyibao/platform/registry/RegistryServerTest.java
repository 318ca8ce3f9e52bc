package org.openyibao.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry and enrolment API in the real server: wiring, roles, JSON and the OpenAPI description. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:registryserver;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true", "yibao.demo.password=registry-test"})
class RegistryServerTest {
    @LocalServerPort
    int port;

    record Reply(int status, String body) {}

    Reply call(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":registry-test").getBytes(StandardCharsets.UTF_8)));
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    @Test
    void staffRegisterAndEnrolAuditorsReadMaskedAndEveryEndpointIsDescribed() throws Exception {
        String cert = RegistryFixture.id("440802", LocalDate.of(1966, 6, 6), false);
        // the demo region (440800) is seeded at start
        Reply r = call("agency", "POST", "/api/persons", "{\"cert_no\":\"" + cert + "\",\"name\":\"Huang Li\",\"admdvs\":\"440800\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"birth_date\":\"1966-06-06\"").contains("\"gender\":\"2\"").doesNotContain("null");
        String psn = r.body().replaceAll(".*\"psn_no\":\"([^\"]+)\".*", "$1");
        assertThat(call("auditor", "POST", "/api/persons", "{}").status()).isEqualTo(403);
        assertThat(call("auditor", "GET", "/api/persons/" + psn, null).body()).doesNotContain(cert).contains(ResidentId.mask(cert));
        assertThat(call("agency", "GET", "/api/persons/" + psn, null).body()).contains(cert);
        r = call("agency", "POST", "/api/enrolments", "{\"psn_no\":\"" + psn + "\",\"scheme\":\"resident\",\"admdvs\":\"440800\","
                + "\"valid_from\":\"2018-01-01\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        r = call("agency", "POST", "/api/enrolments", "{\"psn_no\":\"" + psn + "\",\"scheme\":\"resident\",\"admdvs\":\"440800\","
                + "\"valid_from\":\"2018-02-01\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).contains("\"field\":\"valid_from\"").contains("(resident, 440800, 2018-01-01 – open)");
        assertThat(call("auditor", "GET", "/api/persons/" + psn + "/coverage?date=2018-06-01", null).body())
                .contains("\"policy_pack\":\"zhanjiang\"");
        assertThat(call("auditor", "GET", "/api/reports/duplicate-enrolments", null).body()).isEqualTo("[]");
        String docs = call("auditor", "GET", "/v3/api-docs", null).body();
        for (String path : new String[] {"/api/regions", "/api/institutions", "/api/employers", "/api/households", "/api/persons",
                "/api/persons/search", "/api/enrolments", "/api/enrolments/{id}/suspensions", "/api/persons/{psnNo}/coverage",
                "/api/reports/duplicate-enrolments"}) {
            assertThat(docs).contains("\"" + path + "\"");
        }
        assertThat(docs).contains("cert_no").contains("Registry").contains("Enrolment");
    }
}
