package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.openyibao.platform.audit.OperatorAudit;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.security.Operators;
import org.openyibao.platform.security.Role;

/**
 * The console over real HTTP on the demo's data (issue 11): signing in with the form, the dashboard's funds in both
 * languages, person search as the agency sees it and as the auditor does (masked), the headers that forbid inline
 * script and framing, CSRF, and the door locking after repeated failures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=console-test-password",
        "yibao.console.sign-in.account-failures=3",
        "yibao.console.sign-in.address-failures=1000"})
class ConsoleServerTest {
    static final String PASSWORD = "console-test-password";

    @LocalServerPort
    int port;
    @Autowired
    Operators operators;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OperatorAudit audit;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void agencyStaffSignInAndSeeEachFundByMonthInChineseOrEnglish() throws Exception {
        ConsoleClient browser = new ConsoleClient(port);
        assertThat(browser.get("/console").statusCode()).as("not signed in: to the sign-in page").isEqualTo(302);
        assertThat(browser.signIn("agency", PASSWORD)).endsWith("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

        HttpResponse<String> zh = browser.get("/console");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.body()).contains("基金概览", "统筹基金", "湛江", "2018-12", "table-pooling");
        HttpResponse<String> en = browser.get("/console?lang=en");
        assertThat(en.body()).contains("Funds", "Basic pooling fund", "Expenditure").doesNotContain("统筹基金");
        assertThat(browser.get("/console").body()).as("the language is kept").contains("Basic pooling fund");
    }

    @Test
    void pagesForbidInlineScriptAndFramingAndEveryFormNeedsItsToken() throws Exception {
        ConsoleClient browser = new ConsoleClient(port);
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).doesNotContainPattern("<script(?![^>]*src=)");

        browser.signIn("agency", PASSWORD);
        assertThat(browser.post("/console/persons", Map.of("q", "Chen"), false).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.post("/console/persons", Map.of("q", "Chen")).statusCode()).isEqualTo(200);
    }

    @Test
    void theAgencySeesIdNumbersInFullAndTheAuditorMasked() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/persons");
        String full = agency.post("/console/persons", Map.of("q", "Chen"), true, "HX-Request", "true").body();
        assertThat(full).contains("44080000000001", "Chen Employee", "44080219800115001").doesNotContain("<html");

        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        auditor.get("/console/persons");
        String masked = auditor.post("/console/persons", Map.of("q", "44080000000001")).body();
        assertThat(masked).contains("44080000000001", "C************", "440802********").doesNotContain("44080219800115001")
                .doesNotContain("Chen Employee");
        String page = auditor.get("/console/persons/44080000000001").body();
        assertThat(page).doesNotContain("44080219800115001", "1980-01-15", "Chen Employee");
    }

    @Test
    void unmaskedViewsAndSignInsAreInTheAuditLogAndTheChainIsWhole() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/persons/44080000000002");
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        auditor.get("/console/persons/44080000000004");
        new ConsoleClient(port).signIn("440802195803020021", "a password");

        List<OperatorAudit.Row> viewed = audit.latest("44080000000002", 10);
        assertThat(viewed).extracting(r -> r.event().action()).contains("person_viewed");
        assertThat(viewed.get(0).event().username()).isEqualTo("agency");
        assertThat(audit.latest("44080000000004", 10)).as("the auditor saw the person masked: not an unmasked view").isEmpty();
        List<OperatorAudit.Row> all = audit.latest(null, 50);
        assertThat(all).extracting(r -> r.event().action() + " " + r.event().subject()).contains("sign_in agency", "sign_in auditor",
                "sign_in_refused 440802********0021");
        assertThat(all).extracting(r -> r.event().subject()).as("no ID number in the log").noneMatch(x -> x.contains("19580302"));
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        operators.put(new ConsoleUser("locktest", Role.AGENCY, null, null, null), encoder.encode("right-password"));
        ConsoleClient browser = new ConsoleClient(port);
        for (int i = 0; i < 3; i++) assertThat(browser.signIn("locktest", "wrong")).endsWith("/login?error");
        assertThat(browser.signIn("locktest", "right-password")).endsWith("/login?locked");
        assertThat(browser.signIn("nobody-at-all", "x")).as("an unknown account: the same answer as a wrong password")
                .endsWith("/login?error");
    }

    @Test
    void aPersonsPageShowsEnrolmentsTotalsAndSettlementsAndASettlementItsSlip() throws Exception {
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn("agency", PASSWORD);
        String page = browser.get("/console/persons/44080000000003").body();
        assertThat(page).contains("城乡居民基本医疗保险", "2018 年度累计", "统筹基金本年已支付", "/console/settlements/S");
        String setlId = page.replaceAll("(?s).*?/console/settlements/(S[^\"]+)\".*", "$1");
        String slip = browser.get("/console/settlements/" + setlId + "?lang=en").body();
        assertThat(slip).contains("Settlement slip", "medfee_sumamt", "Basic pooling fund", "How it was worked out", "data-print");
        assertThat(browser.get("/console/settlements/NO-SUCH").statusCode()).isEqualTo(404);
    }

    @Test
    void theInstitutionsClerkSeesItsSettlementsOnlyAndNoOtherInstitutions() throws Exception {
        ConsoleClient clerk = new ConsoleClient(port);
        assertThat(clerk.signIn("clerk", PASSWORD)).endsWith("/");
        assertThat(clerk.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/institution"));
        String list = clerk.get("/institution").body();
        assertThat(list).contains("本机构结算", "H44080000001", "/institution/settlements/S", "44080000000003");
        String mine = list.replaceAll("(?s).*?/institution/settlements/(S[^\"]+)\".*", "$1");
        assertThat(clerk.get("/institution/settlements/" + mine).body()).contains("结算单", "hifp_pay").doesNotContain("/console/persons/");
        String others = jdbc.queryForObject("SELECT setl_id FROM settlement WHERE institution_code <> 'H44080000001'"
                + " FETCH FIRST 1 ROWS ONLY", String.class);
        assertThat(clerk.get("/institution/settlements/" + others).statusCode()).as("another institution's").isEqualTo(404);
        assertThat(clerk.get("/console/settlements/" + others).statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonWhoDoesNotExistIsAPageNamingTheFieldNotAnError() throws Exception {
        ConsoleClient browser = new ConsoleClient(port);
        browser.signIn("agency", PASSWORD);
        HttpResponse<String> r = browser.get("/console/persons/99999999999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("psn_no").contains("<html").doesNotContain("Exception");
    }
}
