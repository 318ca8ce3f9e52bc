package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.ResidentId;

/**
 * The person's contributions and arrears, the agency's remaining operations as forms, and the REST API by psn_no
 * (issue 11), over real HTTP on the demo's data: a hand-worked arrears figure, each form's success and its refusal
 * beside the field, the auditor refused every change, a bulk import with one bad line, 14-digit person numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:personops;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=person-ops-test-password"})
class PersonOperationsTest {
    static final String PASSWORD = "person-ops-test-password";
    static final String CHEN = "44080000000001";     // employee in service since 2016, paid 2018
    static final String WU = "44080000000003";       // resident since 2009
    static final String LIANG = "44080000000006";    // resident, documented poor from 2017

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContributionService contributions;
    @Autowired
    PersonService persons;

    long enrolmentOf(String psnNo) {
        return jdbc.queryForObject("SELECT e.id FROM enrolment e JOIN person p ON p.id = e.person_id WHERE p.psn_no = ?", Long.class, psnNo);
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("agency:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        b = json == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void arrearsAreWorkedOutByHandAndPaidThroughTheForm() throws Exception {
        long chen = enrolmentOf(CHEN);
        // 2019 contributions refer to 2018's average wage, 5,600.00: base between 60% (3,360) and 300% (16,800)
        // January: wage 6,500 within the bounds: employer 6.2% = 403.00, employee 2% = 130.00, due 533.00
        contributions.employeeDue(new ContributionService.EmployeeMonthRequest(chen, "2019-01", new BigDecimal("6500.00"), null));
        // February: wage 20,000 above the ceiling, base 16,800: employer 1,041.60, employee 336.00, due 1,377.60
        contributions.employeeDue(new ContributionService.EmployeeMonthRequest(chen, "2019-02", new BigDecimal("20000.00"), null));

        JsonNode arrears = new ObjectMapper().readTree(api("GET", "/api/persons/" + CHEN + "/arrears", null).body());
        assertThat(arrears.get("total").decimalValue()).isEqualByComparingTo("1910.60");   // 533.00 + 1,377.60
        assertThat(arrears.get("contributions")).hasSize(2);

        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console/persons/" + CHEN).body();
        assertThat(page).contains("id=\"contributions\"", "职工月缴费", "2018-12", "欠缴", "1,910.60", "2019-01", "2019-02",
                "/console/persons/" + CHEN + "/pay/arrears");

        long january = arrears.get("contributions").get(0).get("id").asLong();
        agency.get("/console/persons/" + CHEN + "/pay/arrears");
        String wrong = agency.post("/console/persons/" + CHEN + "/pay/arrears", Map.of("contribution_id", "" + january,
                "paid_on", "2019/03/01")).body();
        assertThat(wrong).contains("id=\"err-paid_on\"", "paid_on: a date, YYYY-MM-DD", "value=\"2019/03/01\"");
        HttpResponse<String> paid = agency.post("/console/persons/" + CHEN + "/pay/arrears", Map.of("contribution_id", "" + january,
                "paid_on", "2019-03-01"));
        assertThat(paid.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("?changed=arrears"));
        assertThat(agency.get("/console/persons/" + CHEN + "?changed=arrears").body()).contains("1,377.60", "欠费已补缴");
        assertThat(jdbc.queryForList("SELECT action FROM operator_audit WHERE subject = ?", String.class, CHEN)).contains("arrears_paid");
    }

    @Test
    void aPaymentIsRecordedAndARepeatIsRefusedInWords() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/persons/" + WU + "/pay/resident");
        HttpResponse<String> ok = agency.post("/console/persons/" + WU + "/pay/resident", Map.of("year", "2020", "paid_on", "2020-01-08"));
        assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("?changed=paid"));
        String again = agency.post("/console/persons/" + WU + "/pay/resident", Map.of("year", "2020", "paid_on", "2020-01-09")).body();
        assertThat(again).contains("role=\"alert\"", "already paid");
        agency.get("/console/persons/" + CHEN + "/pay/employee");
        String badMonth = agency.post("/console/persons/" + CHEN + "/pay/employee", Map.of("period", "2020-13", "wage", "6500",
                "paid_on", "2020-01-15")).body();
        assertThat(badMonth).contains("id=\"err-period\"", "period: a month, YYYY-MM", "aria-invalid=\"true\"");
        String badWage = agency.post("/console/persons/" + CHEN + "/pay/employee", Map.of("period", "2020-01", "wage", "six thousand",
                "paid_on", "2020-01-15")).body();
        assertThat(badWage).contains("id=\"err-wage\"", "wage: an amount in yuan");
        HttpResponse<String> month = agency.post("/console/persons/" + CHEN + "/pay/employee", Map.of("period", "2019-03", "wage", "6500.00",
                "paid_on", "2019-03-15"));
        assertThat(month.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT due_fen FROM contribution c JOIN person p ON p.id = c.person_id WHERE p.psn_no = ?"
                + " AND c.period = '2019-03'", Long.class, CHEN)).isEqualTo(53300L);   // 6.2% + 2% of 6,500.00
    }

    @Test
    void aCategoryIsAddedAndEndedAndASuspensionIsRefusedWhenAlreadySuspended() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        agency.get("/console/persons/" + LIANG + "/category");
        String badDate = agency.post("/console/persons/" + LIANG + "/category", Map.of("category", "subsistence_allowance",
                "valid_from", "01/02/2019")).body();
        assertThat(badDate).contains("id=\"err-valid_from\"", "valid_from: a date, YYYY-MM-DD", "value=\"01/02/2019\"");
        HttpResponse<String> added = agency.post("/console/persons/" + LIANG + "/category", Map.of("category", "subsistence_allowance",
                "valid_from", "2019-02-01", "valid_until", ""));
        assertThat(added.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("?changed=category"));
        long id = jdbc.queryForObject("SELECT k.id FROM person_category k JOIN person p ON p.id = k.person_id WHERE p.psn_no = ?"
                + " AND k.category = 'subsistence_allowance'", Long.class, LIANG);
        agency.get("/console/persons/" + LIANG + "/category/" + id + "/end");
        String early = agency.post("/console/persons/" + LIANG + "/category/" + id + "/end", Map.of("valid_until", "2018-01-01")).body();
        assertThat(early).contains("id=\"err-valid_until\"", "role=\"alert\"");
        agency.post("/console/persons/" + LIANG + "/category/" + id + "/end", Map.of("valid_until", "2019-12-31"));
        assertThat(agency.get("/console/persons/" + LIANG).body()).contains("最低生活保障对象");
        assertThat(jdbc.queryForObject("SELECT CAST(valid_until AS VARCHAR) FROM person_category WHERE id = ?", String.class, id))
                .isEqualTo("2019-12-31");

        long enrolment = enrolmentOf(LIANG);
        agency.get("/console/persons/" + LIANG + "/suspension");
        HttpResponse<String> suspended = agency.post("/console/persons/" + LIANG + "/suspension", Map.of("enrolment_id", "" + enrolment,
                "from_date", "2019-04-01", "reason", "arrears of 2019"));
        assertThat(suspended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("?changed=suspension"));
        String twice = agency.post("/console/persons/" + LIANG + "/suspension", Map.of("enrolment_id", "" + enrolment,
                "from_date", "2019-05-01")).body();
        assertThat(twice).as("a suspension of an enrolment already suspended is refused in words")
                .contains("role=\"alert\"", "from_date: already suspended", "id=\"err-from_date\"");
        agency.get("/console/persons/" + LIANG + "/restore");
        HttpResponse<String> restored = agency.post("/console/persons/" + LIANG + "/restore", Map.of("enrolment_id", "" + enrolment,
                "paid_on", "2019-06-01"));
        assertThat(restored.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("?changed=restored"));
        assertThat(jdbc.queryForList("SELECT action FROM operator_audit WHERE subject = ? ORDER BY id", String.class, LIANG))
                .contains("category_added", "category_ended", "enrolment_suspended", "enrolment_restored");
        // another person's enrolment is not found, nothing changed
        agency.get("/console/persons/" + WU + "/suspension");
        assertThat(agency.post("/console/persons/" + WU + "/suspension", Map.of("enrolment_id", "" + enrolment, "from_date", "2019-07-01"))
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM suspension WHERE enrolment_id = ?", Integer.class, enrolment)).isEqualTo(1);
    }

    @Test
    void theAuditorIsRefusedEveryChange() throws Exception {
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        String page = auditor.get("/console/persons/" + CHEN).body();
        assertThat(page).contains("id=\"contributions\"").doesNotContain("/pay/employee", "/suspension", "/console/import");
        for (String path : List.of("/console/persons/" + CHEN + "/category", "/console/persons/" + CHEN + "/suspension",
                "/console/persons/" + CHEN + "/restore", "/console/persons/" + CHEN + "/pay/employee",
                "/console/persons/" + CHEN + "/pay/resident", "/console/persons/" + CHEN + "/pay/arrears",
                "/console/persons/" + CHEN + "/category/1/end", "/console/import", "/console/import/errors.csv")) {
            assertThat(auditor.get(path).statusCode()).as("GET " + path).isEqualTo(403);
            assertThat(auditor.post(path, Map.of("x", "1")).statusCode()).as("POST " + path).isEqualTo(403);
        }
    }

    @Test
    void aBulkImportWithOneBadLineImportsTheRestAndOffersTheErrorFile() throws Exception {
        List<String> lines = new ArrayList<>(List.of("cert_no,name,admdvs,scheme,valid_from"));
        String[] ids = {"44080219900101101", "44080219900202102", "44080219900303103", "44080219900404104"};
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i] + ResidentId.checkDigit(ids[i]);
            lines.add(id + ",Imported " + i + ",440800,resident," + (i == 2 ? "2019-02-30" : "2019-01-01"));
        }
        Upload agency = new Upload(port);
        agency.signIn("agency", PASSWORD);
        String result = agency.upload("/console/import", "people.csv", String.join("\n", lines) + "\n");
        assertThat(result).contains("id=\"import-read\">4<", "id=\"import-imported\">3<", "id=\"import-rejected\">1<",
                "/console/import/errors.csv");
        String errors = agency.get("/console/import/errors.csv");
        assertThat(errors).startsWith("line,reason\n").contains("4,").contains("valid_from");
        assertThat(errors.lines().count()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT subject FROM operator_audit WHERE action = 'persons_imported'", String.class))
                .contains("import: read 4, imported 3, unchanged 0, rejected 1");

        String tooLarge = agency.upload("/console/import", "big.csv", "cert_no,name,admdvs\n" + "x".repeat(1024 * 1024 + 10));
        assertThat(tooLarge).contains("id=\"err-file\"", "超过 1 MB");
    }

    @Test
    void personsRegisteredThroughTheApiGetFourteenDigitNumbersUniqueUnderConcurrency() throws Exception {
        HttpResponse<String> r = api("POST", "/api/persons", "{\"cert_no\": \"" + id("44080219850505201") + "\", \"name\": \"Api Person\","
                + " \"admdvs\": \"440800\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        String psnNo = new ObjectMapper().readTree(r.body()).get("psn_no").asText();
        assertThat(psnNo).hasSize(14).startsWith("440800").matches("\\d{14}");

        Set<String> numbers = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id17 = String.format("440802198601%02d3%02d", 1 + i % 28, i);
            done.add(pool.submit(() -> numbers.add(persons.register(new Person.New(null, id(id17), "Concurrent", null, null, null,
                    "440800")).psnNo())));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        assertThat(numbers).hasSize(40).allMatch(n -> n.matches("440800\\d{8}")).doesNotContain(CHEN, WU, LIANG);
    }

    @Test
    void contributionsByPsnNoThroughTheApi() throws Exception {
        HttpResponse<String> list = api("GET", "/api/persons/44080000000002/contributions", null);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode rows = new ObjectMapper().readTree(list.body());
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("retiree_credit");
        // the request example of the API description, as shown there
        HttpResponse<String> paid = api("POST", "/api/persons/44080000000005/contributions/resident",
                "{\"year\": 2019, \"paid_on\": \"2019-01-10\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(paid.body()).get("status").asText()).isEqualTo("paid");
        HttpResponse<String> none = api("POST", "/api/persons/44080000000005/contributions/resident", "{\"year\": 2001, \"paid_on\": \"2001-01-10\"}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(none.body()).contains("not enrolled in 2001");
        assertThat(api("GET", "/api/persons/nobody/arrears", null).statusCode()).isEqualTo(404);
    }

    /** A signed-in browser's upload of a file through the import form (the form's action carries the CSRF token). */
    static final class Upload {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Upload(int port) {
            this.base = "http://localhost:" + port;
        }

        void signIn(String user, String password) throws Exception {
            String page = get("/login");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).isTrue();
            String body = "username=" + user + "&password=" + password + "&_csrf=" + m.group(1);
            http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        String upload(String path, String fileName, String content) throws Exception {
            String form = get(path);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("action=\"([^\"]*/console/import\\?_csrf=[^\"]+)\"").matcher(form);
            assertThat(m.find()).as("the import form's action carries the token").isTrue();
            String action = m.group(1).replace("&amp;", "&");
            String boundary = "----persons" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            return http.send(HttpRequest.newBuilder(URI.create(base + action))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    static String id(String id17) {
        return id17 + ResidentId.checkDigit(id17);
    }
}
