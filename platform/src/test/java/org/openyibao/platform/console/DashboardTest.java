package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.openyibao.platform.audit.OperatorAudit;
import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.security.Operators;
import org.openyibao.platform.security.Role;
import org.openyibao.platform.settlement.SettlementService;

/**
 * The agency's dashboard and the insurer's pages over real HTTP on the demo's data (issue 11): the months of spending
 * each fund's balance covers, worked by hand; the year's settlements by level, by kind and by institution; today's
 * interface calls from a real call; the ledger check run, stored, shown and audited; the insurer's serious-illness
 * tier of its own region, and nothing of another region's (a second region with its own serious-illness case).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=dashboard-test-password"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    static final String PASSWORD = "dashboard-test-password";
    static final String OTHER = "440900";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegistryService registry;
    @Autowired
    PersonService persons;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    ContributionService contributions;
    @Autowired
    SettlementService settlements;
    @Autowired
    Operators operators;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    OperatorAudit audit;
    @Autowired
    FundReport fundReport;

    String otherSetlId;

    /** A second region (Maoming, on Zhanjiang's pack) with one resident's 100,000-yuan level III admission. */
    @BeforeAll
    void anotherRegion() throws Exception {
        registry.createRegion(new Region(OTHER, "Maoming (茂名)", "zhanjiang"));
        registry.createInstitution(new Institution("H44090000001", "Maoming People's Hospital", "level3", "hospital", OTHER, "Maonan",
                LocalDate.of(2009, 1, 1), null));
        String id17 = "44090219700101001";
        persons.register(new Person.New("44090000000001", id17 + ResidentId.checkDigit(id17), "Huang Other", null, null, null, OTHER));
        Enrolment e = enrolments.enrol(new Enrolment.New("44090000000001", "resident", OTHER, null, null, null, 1,
                LocalDate.of(2009, 1, 1), null, LocalDate.of(2009, 1, 1)));
        contributions.payResident(new ContributionService.ResidentYearRequest(e.id(), 2018, LocalDate.of(2018, 1, 10)));
        otherSetlId = settlements.settle("44090000000001", "H44090000001", new ObjectMapper().readTree(
                "{\"date\": \"2018-08-01\", \"type\": \"inpatient\", \"diagnoses\": [], \"lines\": [{\"class\": \"A\", \"amount\": 100000}]}"))
                .setlId();
        operators.put(new ConsoleUser("insurer-maoming", Role.INSURER, null, OTHER, null), encoder.encode(PASSWORD));
    }

    @Test
    void theDashboardShowsTheMonthsEachBalanceCoversWithThePacksBand() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console?admdvs=440800&year=2018").body();
        // The demo's pooling fund in 2018 (every month has movement, so 12 months are counted): spending
        // 8 × 100.00 + 4,836.00 + 49,850.00 + 29,290.00 + 42,100.00 = 126,876.00, an average of 126,876.00 ÷ 12 = 10,573.00
        // a month; the balance at December's end is −120,136.00 (the demo's few contributions do not cover its admissions);
        // months covered = −120,136.00 ÷ 10,573.00 = −11.36… → −11.4, under the pack's 3 months: a risk warning.
        String pooling = row(page, "data-fund=\"pooling\"");
        assertThat(pooling).contains("-120,136.00", "10,573.00", "<td class=\"months\">-11.4</td>", "band-risk", "风险预警");
        assertThat(row(page, "data-fund=\"large_amount\"")).as("a fund that spent nothing").contains("—", "无支出");
        assertThat(page).contains("少于 3 个月为风险预警，6 至 9 个月为合理，多于 15 个月为结余过多", "人社部发〔2009〕67号");
        assertThat(page).as("the page says when its figures were added up").contains("id=\"figures-asof\"", "每分钟更新一次");
    }

    @Test
    void theDashboardShowsTheYearsSettlementsByLevelKindAndInstitution() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console?admdvs=440800&year=2018").body();
        // the demo's four 2018 admissions: three at level III (7,400 + 100,000 + 60,000 = 167,400.00), one at level II (44,500.00)
        assertThat(row(page, "data-key=\"level3\"")).contains("三级医院", "<td>3</td>", "167,400.00", "123,636.00");
        assertThat(row(page, "data-key=\"level2\"")).contains("<td>1</td>", "44,500.00", "41,467.85");
        assertThat(row(page, "data-key=\"inpatient\"")).contains("<td>4</td>", "211,900.00", "165,103.85");
        assertThat(page.indexOf("data-key=\"level2\"")).as("levels from the village up").isLessThan(page.indexOf("data-key=\"level3\""));
        assertThat(page.indexOf("data-key=\"H44080000001\"")).as("the largest institution first")
                .isPositive().isLessThan(page.indexOf("data-key=\"H44080000002\""));
        assertThat(page).as("another region's settlement is not in this region's figures").doesNotContain("Maoming People");
        String maoming = agency.get("/console?admdvs=" + OTHER + "&year=2018").body();
        assertThat(row(maoming, "data-key=\"level3\"")).contains("<td>1</td>", "100,000.00");
    }

    /**
     * The demo region's year is a handful of people: its page says so (issue 12), and that public finance's money is
     * posted month by month, in Chinese and in English; another region's page does not.
     */
    @Test
    void theDemoRegionsPageSaysWhyItsYearIsNotAFundsYear() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        assertThat(agency.get("/console?admdvs=440800&year=2018").body()).contains("id=\"demo-year\"", "无法分散风险",
                "于月末申请拨付并到账", "演示中大额医疗补助没有收入");
        assertThat(agency.get("/console?admdvs=440800&year=2018&lang=en").body()).contains("id=\"demo-year\"",
                "So few people cannot pool risk", "requested and received at the month",
                "The large-amount subsidy gets no income in the demo");
        assertThat(agency.get("/console?admdvs=" + OTHER + "&year=2018").body()).doesNotContain("id=\"demo-year\"");
    }

    /**
     * Issue 13: the demo posts each month's fiscal transfers, so medical assistance and the emergency cover no longer
     * spend without income. Month by month their fiscal income is what they paid in benefits; at the year's end finance
     * owes nothing (every request received). The demo's one assistance case is June's admission of the person in dire
     * poverty (H44080000002); the page's assistance table shows the year's income equal to its expenditure.
     */
    @Test
    void theDemosBudgetFundedFundsNoLongerSpendWithoutIncome() throws Exception {
        FundReport.Report r = fundReport.report("440800", 2018);
        for (String key : new String[] {"assistance", "emergency"}) {
            FundReport.FundYear fund = r.funds().stream().filter(x -> x.fund().equals(key)).findFirst().orElseThrow();
            for (FundReport.Month m : fund.months()) {
                assertThat(m.fiscalIncome()).as(key + " " + m.month()).isEqualByComparingTo(m.benefits());
            }
            assertThat(fund.year().fiscalReceivable()).as(key + ": finance owes nothing at the year's end").isZero();
        }
        FundReport.FundYear assistance = r.funds().stream().filter(x -> x.fund().equals("assistance")).findFirst().orElseThrow();
        assertThat(assistance.months().get(5).benefits()).as("June's assistance").isPositive();
        assertThat(assistance.year().income()).isEqualByComparingTo(assistance.year().expenditure());

        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console?admdvs=440800&year=2018").body();
        String year = between(page.substring(page.indexOf("id=\"table-assistance\"")), "<tfoot>", "</tfoot>");
        String spent = String.format("%,.2f", assistance.year().expenditure());
        Matcher cells = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(year);
        java.util.List<String> values = new java.util.ArrayList<>();
        while (cells.find()) values.add(cells.group(1));
        // income, of which fiscal, expenditure, balance, finance owes
        assertThat(values).containsExactly(spent, spent, spent, "0.00", "0.00");
        assertThat(page).contains("id=\"fiscal-note\"", "财政应拨未拨");
    }

    /**
     * Requesting fiscal transfers is the agency's (SecurityConfig.Access WRITE): the auditor and the monitor, signed in to
     * the API, are refused (403); the agency's repeat of a month the demo posted posts nothing.
     */
    @Test
    void onlyTheAgencyPostsFiscalTransfers() throws Exception {
        String path = "/api/funds/440800/fiscal-transfers?year=2018&month=6&received_on=2018-06-30";
        assertThat(api("POST", path, "auditor").statusCode()).isEqualTo(403);
        assertThat(api("POST", path, "monitor").statusCode()).isEqualTo(403);
        HttpResponse<String> agency = api("POST", path, "agency");
        assertThat(agency.statusCode()).isEqualTo(200);
        assertThat(agency.body()).as("the demo posted June already").contains("\"posted\":0", "\"month\":\"2018-06\"");
    }

    HttpResponse<String> api(String method, String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void todaysInterfaceCallsCountARefusal() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/fsi/api/rsfComIfsService/callService")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"infno\": \"1101\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as("an unsigned call is refused").contains("\"infcode\"").doesNotContain("\"infcode\":0");
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console").body();
        int calls = Integer.parseInt(between(page, "id=\"calls-count\">", "<"));
        int refused = Integer.parseInt(between(page, "id=\"calls-refused\">", "<"));
        assertThat(calls).isGreaterThanOrEqualTo(1);
        assertThat(refused).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(calls);
        assertThat(page).contains("95% 的调用耗时不超过");
    }

    @Test
    void theLedgerCheckIsRunByStaffStoredShownAndAudited() throws Exception {
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        String before = auditor.get("/console").body();
        assertThat(before).as("the auditor reads, and may not run it").doesNotContain("立即核查</button>");
        assertThat(auditor.post("/console/ledger-check", Map.of()).statusCode()).isEqualTo(403);

        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console");
        HttpResponse<String> run = agency.post("/console/ledger-check", Map.of());
        assertThat(run.statusCode()).isEqualTo(302);
        String page = agency.get("/console?checked").body();
        assertThat(page).doesNotContain("id=\"check-never\"").contains("所有不变式均成立", "核查已完成");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE action = 'ledger_checked' AND outcome = 'ok'",
                Integer.class)).isPositive();
    }

    @Test
    void theInsurerSeesItsRegionsSeriousIllnessTierOnly() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        assertThat(insurer.signIn("insurer", PASSWORD)).endsWith("/");
        assertThat(insurer.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/insurer"));
        String page = insurer.get("/insurer?year=2018").body();
        // the demo's two serious-illness cases: May's 100,000 admission (15,150.00) and June's (7,488.50): 22,638.50
        assertThat(between(page, "id=\"insurer-cases\">", "<")).isEqualTo("2");
        assertThat(between(page, "id=\"insurer-paid\">", "<")).isEqualTo("22,638.50");
        assertThat(page).contains("15,150.00", "7,488.50", "W**********", "440802********").doesNotContain("Wu Resident")
                .doesNotContain(otherSetlId).doesNotContain("Maoming");
        String own = jdbc.queryForObject("SELECT setl_id FROM settlement WHERE admdvs = '440800' AND hifmi_pay = 1515000", String.class);
        assertThat(insurer.get("/insurer/settlements/" + own).statusCode()).isEqualTo(200);
        assertThat(insurer.get("/insurer/settlements/" + otherSetlId).statusCode()).as("another region's slip").isEqualTo(404);
        assertThat(insurer.get("/console").statusCode()).as("the agency's pages").isEqualTo(403);
        assertThat(insurer.get("/institution").statusCode()).isEqualTo(403);

        ConsoleClient maoming = new ConsoleClient(port);
        maoming.signIn("insurer-maoming", PASSWORD);
        String other = maoming.get("/insurer?year=2018").body();
        assertThat(between(other, "id=\"insurer-cases\">", "<")).isEqualTo("1");
        assertThat(other).contains(otherSetlId, "15,150.00").doesNotContain(own);
        assertThat(maoming.get("/insurer/settlements/" + own).statusCode()).isEqualTo(404);
    }

    @Test
    void pagesSpeakEnglishToo() throws Exception {
        ConsoleClient insurer = new ConsoleClient(port);
        insurer.signIn("insurer", PASSWORD);
        assertThat(insurer.get("/insurer?lang=en").body()).contains("Serious-illness insurance", "2018 by month").doesNotContain("大病保险支付");
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        assertThat(agency.get("/console?lang=en&year=2018").body()).contains("Months covered", "Risk warning", "Settlements of 2018",
                "Latest ledger check");
    }

    /** The table row (tr) holding {@code marker}. */
    static String row(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    static String between(String page, String start, String end) {
        int at = page.indexOf(start);
        assertThat(at).as(start).isPositive();
        return page.substring(at + start.length(), page.indexOf(end, at + start.length())).trim();
    }
}
