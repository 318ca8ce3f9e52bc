package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.security.Operators;
import org.openyibao.platform.security.Role;

/**
 * The insurer's case audit and stationed staff over real HTTP on the demo's data (issue 13): the queue, a case and
 * its decision (refused naming the field, then recorded once, in the ledger and the operator audit log), the JSON
 * API (the insurer's own region; agency and auditor read), the bedside checks of the staff stationed at two demo
 * hospitals (masked), the contract, statements and year-end pages; the clerk, the agency and the insured are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:insurer-audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=insurer-audit-password"})
class InsurerAuditServerTest {
    static final String PASSWORD = "insurer-audit-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Operators operators;
    @Autowired
    PasswordEncoder encoder;

    long openCase() {
        return jdbc.queryForObject("SELECT MIN(id) FROM si_case WHERE admdvs = '440800' AND status = 'open'", Long.class);
    }

    long recoveries() {
        return jdbc.queryForObject("SELECT balance_fen FROM ledger_account WHERE code = '440800:serious_illness:recoveries'", Long.class);
    }

    @Test
    void theInsurerWorksTheQueueAndDecidesACaseOnce() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        insurer.signIn("insurer", PASSWORD);
        HttpResponse<String> queue = insurer.get("/insurer/cases?lang=en");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Case audit", "table-cases", "to review");
        long id = openCase();
        long amount = jdbc.queryForObject("SELECT amount_fen FROM si_case WHERE id = ?", Long.class, id);
        String down = java.math.BigDecimal.valueOf(amount - 10_000, 2).toPlainString();   // 100.00 less

        HttpResponse<String> page = insurer.get("/insurer/cases/" + id);
        assertThat(page.body()).contains("decision-form", "How it was worked out", "serious_illness");
        HttpResponse<String> refused = insurer.post("/insurer/cases/" + id + "/decision", Map.of("decision", "adjust",
                "new_amount", down, "reason_code", "not_serious_illness"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("err-reason_code", "not_serious_illness goes with reject, not adjust");
        assertThat(jdbc.queryForObject("SELECT status FROM si_case WHERE id = ?", String.class, id)).isEqualTo("open");

        long before = recoveries();
        HttpResponse<String> done = insurer.post("/insurer/cases/" + id + "/decision", Map.of("decision", "adjust",
                "new_amount", down, "reason_code", "out_of_catalogue", "note", "a drug outside the catalogue"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/insurer/cases/" + id + "?decided");
        assertThat(recoveries() - before).as("100.00 recovered: a credit on recoveries").isEqualTo(-10_000);
        assertThat(insurer.get("/insurer/cases/" + id + "?decided").body()).contains("out_of_catalogue", "a drug outside the catalogue");
        assertThat(insurer.post("/insurer/cases/" + id + "/decision", Map.of("decision", "approve")).statusCode()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE action = 'si_case_decision' AND subject = ?",
                Long.class, "case " + id)).isEqualTo(3);
        assertThat(insurer.get("/insurer/cases/99999999").statusCode()).isEqualTo(404);
        assertThat(insurer.get("/insurer/cases?month=2018-13").body()).contains("err-month");

        // the slip the agency opens shows the outcome
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String setl = jdbc.queryForObject("SELECT setl_id FROM si_case WHERE id = ?", String.class, id);
        assertThat(agency.get("/console/settlements/" + setl + "?lang=en").body()).contains("si-audit", "adjusted", down);
        // and the person's settlement list in the console, and their own history and slip in the portal
        String psnNo = jdbc.queryForObject("SELECT p.psn_no FROM settlement s JOIN person p ON p.id = s.person_id"
                + " WHERE s.setl_id = ?", String.class, setl);
        String shown = new ConsoleFormat().yuan(amount - 10_000);
        assertThat(agency.get("/console/persons/" + psnNo + "?lang=en").body()).contains("serious-illness audit: adjusted, " + shown);
        operators.put(new ConsoleUser("insured-history", Role.INSURED, null, null, psnNo), encoder.encode(PASSWORD));
        ConsoleClient insured = new ConsoleClient(port);
        insured.signIn("insured-history", PASSWORD);
        assertThat(insured.get("/portal?lang=en").body()).contains("serious-illness audit: adjusted, " + shown);
        assertThat(insured.get("/portal/settlements/" + setl + "?lang=en").body()).contains("si-audit", "now " + down + " yuan");
    }

    @Test
    void theJsonApiIsTheInsurersRegionAndAgencyStaffRead() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        insurer.signIn("insurer", PASSWORD);
        HttpResponse<String> list = insurer.get("/insurer/api/cases?status=open&size=5");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"admdvs\":\"440800\"", "\"cases\":[");
        assertThat(insurer.get("/insurer/api/cases?status=nonsense").body()).contains("\"field\":\"status\"");
        assertThat(insurer.get("/insurer/api/cases?amount_from=abc").statusCode()).isEqualTo(400);
        insurer.get("/insurer/cases");   // a page, for the CSRF token
        long id = openCase();
        HttpResponse<String> decided = insurer.postJson("/insurer/api/cases/" + id + "/decision",
                "{\"decision\": \"approve\", \"reason_code\": \"verified\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.body()).contains("\"status\":\"approved\"", "\"settlement\":", "\"si_audit\":");
        assertThat(insurer.postJson("/insurer/api/cases/" + id + "/decision", "{\"decision\": \"approve\"}").statusCode()).isEqualTo(409);

        assertThat(basic("agency", "/api/insurer/440800/cases?status=approved").body()).contains("\"case_id\":" + id);
        assertThat(basic("auditor", "/api/insurer/440800/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(basic("agency", "/api/insurer/440800/cases/x").statusCode()).isEqualTo(400);
    }

    @Test
    void theStationedStaffCheckTheirHospitalsInpatientsMasked() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        insurer.signIn("insurer", PASSWORD);
        HttpResponse<String> page = insurer.get("/insurer/bedside?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("H44080000001", "H44080000002", "table-inpatients", "W**********")
                .doesNotContain("Wu Resident", "Liang Documented-Poor", "440802196507080031");
        String visit = jdbc.queryForObject("SELECT MIN(mdtrt_id) FROM fsi_visit WHERE kind = 'inpatient' AND status = 'open'"
                + " AND fixmedins_code = 'H44080000001'", String.class);
        assertThat(insurer.post("/insurer/bedside/check", Map.of("mdtrt_id", visit, "outcome", "gone")).body())
                .contains("outcome: one of present, absent, identity_mismatch");
        assertThat(insurer.post("/insurer/bedside/check", Map.of("mdtrt_id", "nope", "outcome", "present")).body())
                .contains("mdtrt_id: no current inpatient of your hospitals");
        HttpResponse<String> ok = insurer.post("/insurer/bedside/check", Map.of("mdtrt_id", visit, "outcome", "absent",
                "note", "not in bed 12 at 10:00"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(insurer.get("/insurer/bedside?recorded&lang=en").body()).contains("not in bed 12 at 10:00", "absent");

        // the agency stations the insurer at a third hospital; not at another region's or a hospital that is none
        assertThat(basicPost("agency", "/api/insurer/stations", "{\"username\": \"insurer\", \"fixmedins_code\": \"H44080000003\"}")
                .statusCode()).isEqualTo(200);
        assertThat(basicPost("agency", "/api/insurer/stations", "{\"username\": \"insurer\", \"fixmedins_code\": \"H999\"}").body())
                .contains("\"field\":\"fixmedins_code\"");
        assertThat(basicPost("auditor", "/api/insurer/stations", "{\"username\": \"insurer\", \"fixmedins_code\": \"H44080000003\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theContractStatementsAndYearEndPagesShowTheirFigures() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        insurer.signIn("insurer", PASSWORD);
        assertThat(insurer.get("/insurer/contract?lang=en").body()).contains("insurer.contract.audit.sampling.mode",
                "Luo 2020, §2.9.4 (4)", "insurer.contract.corridor.profit_rate", "out_of_catalogue");
        HttpResponse<String> st = insurer.get("/insurer/statements?year=2018&lang=en");
        assertThat(st.statusCode()).isEqualTo(200);
        assertThat(st.body()).contains("table-statements", "2018-12", "statements-recoveries");
        HttpResponse<String> ye = insurer.get("/insurer/year-end?year=2018&lang=en");
        assertThat(ye.statusCode()).isEqualTo(200);
        assertThat(ye.body()).contains("yearend-claims", "yearend-after", "2018-12-31");
    }

    @Test
    void theClerkTheAgencyAndTheInsuredAreRefusedTheInsurersPages() throws Exception {
        String psnNo = "44080000000003";
        operators.put(new ConsoleUser("insured-audit", Role.INSURED, null, null, psnNo), encoder.encode(PASSWORD));
        for (String user : new String[] {"clerk", "agency", "insured-audit"}) {
            ConsoleClient c = new ConsoleClient(port);
            c.signIn(user, PASSWORD);
            for (String path : new String[] {"/insurer/cases", "/insurer/bedside", "/insurer/contract", "/insurer/api/cases"}) {
                assertThat(c.get(path).statusCode()).as(user + " " + path).isEqualTo(403);
            }
        }
    }

    HttpResponse<String> basic(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> basicPost(String user, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String auth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
