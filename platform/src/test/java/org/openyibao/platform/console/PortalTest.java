package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insured's portal over real HTTP (issue 11): the agency issues a one-time code through the REST API; the person
 * activates with it and signs in; they see their own coverage and settlements, each explained fund by fund, and the
 * estimator; they cannot open someone else's settlement or the agency's pages; a code is used once and dies after
 * five wrong tries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portal;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=portal-test-password"})
class PortalTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WU = "44080000000003";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String issueCode(String psnNo) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/persons/" + psnNo + "/activation-code"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agency:portal-test-password"
                        .getBytes(StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("psn_no").asText()).isEqualTo(psnNo);
        return j.get("code").asText();
    }

    HttpResponse<String> activate(ConsoleClient b, String psnNo, String code, String password) throws Exception {
        b.get("/portal/activate");
        return b.post("/portal/activate", Map.of("psnNo", psnNo, "code", code, "password", password));
    }

    @Test
    void aPersonActivatesWithTheAgencysCodeAndSeesTheirOwnSettlementsExplained() throws Exception {
        String code = issueCode(WU);
        assertThat(code).hasSize(10).matches("[A-HJ-NP-Z2-9]+");
        assertThat(jdbc.queryForObject("SELECT code_hash FROM activation_code WHERE psn_no = ?", String.class, WU))
                .as("only the hash is kept").doesNotContain(code);
        ConsoleClient b = new ConsoleClient(port);
        assertThat(activate(b, WU, code.toLowerCase(), "short").body()).contains("password");
        HttpResponse<String> ok = activate(b, WU, code.toLowerCase(), "my own password");
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?activated"));
        assertThat(activate(b, WU, code, "my own password again").body()).as("a code is used once").contains("not valid");

        assertThat(b.signIn(WU, "my own password")).endsWith("/");
        assertThat(b.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        String home = b.get("/portal").body();
        assertThat(home).contains("我的医保", "Wu Resident", "城乡居民基本医疗保险", "/portal/settlements/S");
        String setlId = home.replaceAll("(?s).*?/portal/settlements/(S[^\"]+)\".*", "$1");
        String mine = b.get("/portal/settlements/" + setlId).body();
        // the demo's 2018-05-10 admission: 100,000 at level III; pooling (100,000 − 500) × 50% = 49,750.00
        assertThat(mine).contains("100000.00", "基本医疗保险统筹基金支出", "49750.00", "大病保险资金支出");

        String othersId = jdbc.queryForObject("SELECT s.setl_id FROM settlement s JOIN person p ON p.id = s.person_id"
                + " WHERE p.psn_no = '44080000000001' FETCH FIRST 1 ROWS ONLY", String.class);
        assertThat(b.get("/portal/settlements/" + othersId).statusCode()).as("someone else's: as if it did not exist").isEqualTo(404);
        assertThat(b.get("/console/persons/" + WU).statusCode()).as("the agency's pages").isEqualTo(403);
        assertThat(b.get("/console").statusCode()).isEqualTo(403);
    }

    @Test
    void theEstimatorRunsTheRulesOnMyYearAndRecordsNothing() throws Exception {
        String psn = "44080000000002";
        String code = issueCode(psn);
        ConsoleClient b = new ConsoleClient(port);
        activate(b, psn, code, "retiree password");
        b.signIn(psn, "retiree password");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class);
        b.get("/portal/estimate");
        String r = b.post("/portal/estimate", Map.of("cost", "20000", "type", "inpatient", "level", "level3")).body();
        assertThat(r).contains("测算结果", "20000.00", "基本医疗保险统筹基金支出");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isEqualTo(before);
        assertThat(b.post("/portal/estimate", Map.of("cost", "1e999", "type", "inpatient", "level", "level3")).body())
                .contains("cost:");
    }

    @Test
    void aCodeDiesAfterFiveWrongTries() throws Exception {
        String psn = "44080000000005";
        String code = issueCode(psn);
        ConsoleClient b = new ConsoleClient(port);
        for (int i = 0; i < 5; i++) assertThat(activate(b, psn, "WRONGWRONG", "a good password").body()).contains("not valid");
        assertThat(activate(b, psn, code, "a good password").body()).as("the right code, too late").contains("not valid");
        assertThat(activate(b, "99999999999999", code, "a good password").body()).as("no such person: the same words")
                .contains("not valid");
    }
}
