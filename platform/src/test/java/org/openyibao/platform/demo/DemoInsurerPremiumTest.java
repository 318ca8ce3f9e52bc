package org.openyibao.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * The serious-illness insurer's contract on the demo's ledger over real HTTP (issue 13): the demo posts 2018's
 * months; only the agency posts a month (SecurityConfig.Access WRITE: the auditor and the monitor get 403);
 * the fund report shows the serious-illness fund's premium, instalments, claims and reserve; the ledger checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demopremium;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=premium-test-password"})
class DemoInsurerPremiumTest {
    static final String PASSWORD = "premium-test-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FundReport fundReport;
    @Autowired
    LedgerCheck check;

    @Test
    void onlyTheAgencyPostsAMonthAndTheDemoPostedTheYear() throws Exception {
        String path = "/api/funds/440800/insurer-premium?year=2018&month=6";
        for (String user : new String[] {"auditor", "monitor"}) {
            assertThat(api(path, user).statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> agency = api(path, "agency");
        assertThat(agency.statusCode()).isEqualTo(200);
        assertThat(agency.body()).as("the demo posted June already").contains("\"posted\":0", "\"month\":\"2018-06\"");

        // the premium: the serious-illness parts of the demo's 2018 resident contributions; Zhanjiang withholds nothing,
        // so the twelve instalments pay it all and nothing is owed at the year's end
        long premium = jdbc.queryForObject("SELECT COALESCE(SUM(c.serious_illness_fen), 0) FROM contribution c"
                + " WHERE c.kind = 'resident_annual' AND c.period = '2018' AND c.paid_fen > 0", Long.class);
        assertThat(premium).isPositive();
        FundReport.FundYear si = fundReport.report("440800", 2018).funds().stream()
                .filter(f -> f.fund().equals("serious_illness")).findFirst().orElseThrow();
        assertThat(si.year().insurerPremium()).isEqualByComparingTo(java.math.BigDecimal.valueOf(premium, 2));
        assertThat(si.year().instalmentsPaid()).isEqualByComparingTo(si.year().insurerPremium());
        assertThat(si.year().insurerReserve()).isEqualByComparingTo("0");
        assertThat(si.year().premiumDue()).isEqualByComparingTo("0");
        assertThat(si.year().insurerClaims()).as("the insurer reimbursed every serious-illness claim")
                .isEqualByComparingTo(si.year().benefits());
        assertThat(check.run().violations()).isEmpty();
    }

    HttpResponse<String> api(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
