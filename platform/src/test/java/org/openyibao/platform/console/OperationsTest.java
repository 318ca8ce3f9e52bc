package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The clerk's operations as forms (issue 11), over real HTTP: a refusal comes back beside its field with what was typed
 * kept; a person registered and enrolled; a settlement cancelled with its reason in the audit log; the auditor may
 * open none of these forms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:operations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=operations-test-password"})
class OperationsTest {
    static final String PASSWORD = "operations-test-password";
    /** A valid GB 11643 number: 17 digits and the ISO 7064 MOD 11-2 check character 8. */
    static final String NEW_ID = "440802199001011238";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPersonIsRegisteredAndEnrolledAndARefusalStandsBesideItsField() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/persons/new");
        HttpResponse<String> wrong = agency.post("/console/persons/new", Map.of("cert_no", "440802199001011230", "name", "Ma Newcomer",
                "admdvs", "440800"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"err-cert_no\"", "aria-invalid=\"true\"", "value=\"Ma Newcomer\"");

        HttpResponse<String> ok = agency.post("/console/persons/new", Map.of("cert_no", NEW_ID, "name", "Ma Newcomer", "admdvs", "440800"));
        String location = ok.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/console/persons/").endsWith("?registered");
        String psnNo = location.replaceAll(".*/console/persons/([^?]+).*", "$1");

        agency.get("/console/persons/" + psnNo + "/enrol");
        HttpResponse<String> enrolled = agency.post("/console/persons/" + psnNo + "/enrol", Map.of("scheme", "resident", "admdvs", "440800",
                "valid_from", "2026-01-01"));
        assertThat(enrolled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?enrolled"));
        assertThat(agency.get("/console/persons/" + psnNo).body()).contains("城乡居民基本医疗保险", "2026-01-01");
        agency.get("/console/persons/" + psnNo + "/enrol");
        String again = agency.post("/console/persons/" + psnNo + "/enrol", Map.of("scheme", "resident", "admdvs", "440800",
                "valid_from", "2026-03-01")).body();
        assertThat(again).as("an overlapping enrolment is refused in words").contains("未办理", "role=\"alert\"");
        assertThat(jdbc.queryForList("SELECT action FROM operator_audit WHERE subject = ?", String.class, psnNo))
                .contains("person_registered", "person_enrolled");
    }

    @Test
    void aSettlementIsCancelledWithItsReasonAndTheAuditorMayNotOpenTheForms() throws Exception {
        String setlId = jdbc.queryForObject("SELECT setl_id FROM settlement WHERE status = 'settled' ORDER BY id FETCH FIRST 1 ROWS ONLY",
                String.class);
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        assertThat(auditor.get("/console/persons/new").statusCode()).isEqualTo(403);
        assertThat(auditor.get("/console/settlements/" + setlId).body()).doesNotContain("/cancel");
        assertThat(auditor.post("/console/settlements/" + setlId + "/cancel", Map.of("reason", "x")).statusCode()).isEqualTo(403);

        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/settlements/" + setlId);
        HttpResponse<String> r = agency.post("/console/settlements/" + setlId + "/cancel", Map.of("reason", "billed twice by the hospital"));
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?cancelled"));
        assertThat(jdbc.queryForObject("SELECT status FROM settlement WHERE setl_id = ?", String.class, setlId)).isEqualTo("cancelled");
        assertThat(jdbc.queryForList("SELECT outcome FROM operator_audit WHERE subject = ? AND action = 'settlement_cancelled'",
                String.class, setlId)).containsExactly("billed twice by the hospital");
        agency.get("/console/settlements/" + setlId);
        HttpResponse<String> twice = agency.post("/console/settlements/" + setlId + "/cancel", Map.of("reason", "again"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("already cancelled");
    }
}
