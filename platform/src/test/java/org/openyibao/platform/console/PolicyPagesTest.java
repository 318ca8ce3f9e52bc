package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy explorer's pages over real HTTP (issue 11) on the shipped Zhanjiang pack: a value on a date with its
 * source and its history (the one in force marked), the difference between two dates, a reform overlay pasted with an
 * error shown at its line or uploaded and shown as old → new, and bad input answered beside its field (an unknown
 * region, a date that is not one, an oversized upload, bytes that are not text, text that is not YAML), never a 500.
 * The institution's clerk may not open the pages; the auditor may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:policypages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=policy-test-password"})
class PolicyPagesTest {
    static final String PASSWORD = "policy-test-password";
    /** An overlay whose line 9 has a ratio written as a percentage. */
    static final String TYPO = """
            reform:
              name: typo
            resident:
              inpatient:
                ratio:
                  unit: ratio
                  level3:
                    values:
                      2019-01-01: {value: 55, source: "REFORM: the analyst meant 0.55"}
            """;

    @LocalServerPort
    int port;

    static Path policies() {
        return Path.of(System.getProperty("yibao.policies", "../policies"));
    }

    @Test
    void aValueOnADateWithItsSourceAndItsHistoryTheOneInForceMarked() throws Exception {
        Client agency = new Client(port).signIn("agency");
        HttpResponse<String> r = agency.get("/console/policy?region=zhanjiang&date=2017-12-31");
        assertThat(r.statusCode()).isEqualTo(200);
        String row = agency.row(r.body(), "v-resident.inpatient.ratio.level3");
        assertThat(row).contains("<td class=\"value\">45%</td>", "2009-01-01", "Luo 2020, Appendix 2 (the 2010 report). DECISION: used from 2009 until 2017",
                "zhanjiang/resident.yaml:71", "50%", "Luo 2020, Table 2-6");
        assertThat(row).as("the value in force is the one marked").containsPattern(
                "<li aria-current=\"true\" class=\"now\">\\s*<span>2009-01-01</span>:\\s*<strong>45%</strong>\\s*<span class=\"badge\">当日生效</span>");
        assertThat(agency.row(r.body(), "v-employee.basic.annual_cap")).as("no employees' cap before 2018")
                .contains("<td class=\"value\">—（无）</td>", "<strong>100,000.00\u00a0元</strong>");
        assertThat(agency.row(r.body(), "v-resident.eligibility.arrears_suspend")).contains("<td class=\"value\">是</td>");

        String en = agency.get("/console/policy?region=zhanjiang&date=2018-06-01&lang=en").body();
        assertThat(agency.row(en, "v-employee.basic.annual_cap")).contains("<td class=\"value\">100,000.00\u00a0yuan</td>", "2018-01-01",
                "Luo 2020, Table 2-8: annual cumulative maximum payment 100,000");
        assertThat(agency.row(en, "v-serious_illness.bands.general.brackets[0].threshold")).contains("20,000.00\u00a0yuan");
        assertThat(en).contains("Parameters on a date", "in force");

        String before = agency.get("/console/policy?region=zhanjiang&date=2001-01-01&lang=zh_CN").body();
        assertThat(before).contains("class=\"warning\"", "2009-01-01");
    }

    @Test
    void theDifferenceBetweenTwoDatesOldToNewWithTheNewValuesDateAndSource() throws Exception {
        Client agency = new Client(port).signIn("agency");
        HttpResponse<String> r = agency.get("/console/policy/diff?region=zhanjiang&from=2017-06-01&to=2018-06-01");
        assertThat(r.statusCode()).isEqualTo(200);
        String row = agency.row(r.body(), "c-resident.inpatient.ratio.level3");
        assertThat(row).contains("<td class=\"old\">45%</td>", "<td class=\"new\">50%</td>", "<td class=\"date\">2018-01-01</td>", "Luo 2020, Table 2-6");
        assertThat(r.body()).as("500 yuan before and after: not a difference").doesNotContain("c-resident.inpatient.deductible.level3");
        assertThat(agency.get("/console/policy/diff?region=zhanjiang&from=2018-06-01&to=2018-07-01").body()).contains("之间没有参数取值不同");
        assertThat(agency.get("/console/policy/diff").statusCode()).as("the default: the pack's latest change").isEqualTo(200);
    }

    @Test
    void anOverlayWithAnErrorIsShownAtItsLineAndAValidOneAsOldToNew() throws Exception {
        Client auditor = new Client(port).signIn("auditor");
        auditor.get("/console/policy/check");
        String bad = auditor.multipart("/console/policy/check", Map.of("region", "zhanjiang", "date", "2019-06-01", "overlay", TYPO),
                null, null).body();
        assertThat(bad).contains("pasted.yaml 有 1 处问题", "href=\"#L9\"", "第 9 行", "resident.inpatient.ratio.level3",
                "ratio 55 outside [0,1]", "<mark>          2019-01-01: {value: 55, source: &quot;REFORM: the analyst meant 0.55&quot;}</mark>");
        assertThat(bad).as("the overlay listed, line 9 marked").containsPattern("<li id=\"L9\" class=\"bad\"><mark>");
        assertThat(bad).as("what was pasted is kept for the correction").contains("meant 0.55&quot;}\n</textarea>");

        String uncited = auditor.multipart("/console/policy/check", Map.of("region", "zhanjiang", "date", "2019-06-01",
                "overlay", TYPO.replace("value: 55, source: \"REFORM: the analyst meant 0.55\"", "value: 0.55, source: \"seed 003 L1039\"")),
                null, null).body();
        assertThat(uncited).as("a source a reader cannot check is refused here as by yibao policy check --reform")
                .contains("第 9 行", "resident.inpatient.ratio.level3", "names the project&#39;s seed files").doesNotContain("方案有效");

        byte[] reform = Files.readAllBytes(policies().resolve("zhanjiang/reforms/si-threshold-15000.yaml"));
        String valid = auditor.multipart("/console/policy/check", Map.of("region", "zhanjiang", "date", "2020-06-01", "overlay", ""),
                "si-threshold-15000.yaml", reform).body();
        assertThat(valid).contains("方案有效：si-threshold-15000", "改变 1 项参数");
        assertThat(auditor.row(valid, "c-serious_illness.bands.general.brackets[0].threshold"))
                .contains("<td class=\"old\">20,000.00\u00a0元</td>", "<td class=\"new\">15,000.00\u00a0元</td>", "2019-01-01", "REFORM si-threshold-15000");

        String early = auditor.multipart("/console/policy/check", Map.of("region", "zhanjiang", "date", "2018-06-01", "overlay", ""),
                "si-threshold-15000.yaml", reform).body();
        assertThat(early).contains("方案有效", "class=\"warning\"", "不改变任何参数");

        assertThat(auditor.row(auditor.get("/console/policy?region=zhanjiang&date=2020-06-01").body(),
                "v-serious_illness.bands.general.brackets[0].threshold")).as("the server's pack is unchanged")
                .contains("<td class=\"value\">20,000.00\u00a0元</td>");
    }

    @Test
    void badInputIsAnsweredBesideItsFieldNeverA500() throws Exception {
        Client agency = new Client(port).signIn("agency");
        HttpResponse<String> region = agency.get("/console/policy?region=atlantis");
        assertThat(region.statusCode()).isEqualTo(200);
        assertThat(region.body()).contains("id=\"err-region\"", "no policy pack &#39;atlantis&#39;", "zhanjiang");
        HttpResponse<String> date = agency.get("/console/policy?region=zhanjiang&date=2018-13-45");
        assertThat(date.body()).contains("id=\"err-date\"", "is not a date (YYYY-MM-DD)", "aria-invalid=\"true\"");
        assertThat(agency.get("/console/policy/diff?region=zhanjiang&from=yesterday").body()).contains("id=\"err-from\"");

        agency.get("/console/policy/check");
        byte[] big = ("# " + "x".repeat(100 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> oversized = agency.multipart("/console/policy/check", Map.of("region", "zhanjiang", "overlay", ""), "big.yaml", big);
        assertThat(oversized.statusCode()).isEqualTo(200);
        assertThat(oversized.body()).contains("id=\"err-file\"", "more than the 65536 an overlay may have (64 KiB)").doesNotContain("id=\"problems\"");

        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) '#');
        // as the form sends it: the token in the address too, so a file beyond the container's limit is refused in words
        HttpResponse<String> tooLarge = agency.multipart("/console/policy/check?_csrf=" + agency.csrf, Map.of("region", "zhanjiang",
                "overlay", ""), "huge.yaml", huge);
        assertThat(tooLarge.statusCode()).as("larger than the container reads (1 MiB)").isEqualTo(413);
        assertThat(tooLarge.body()).contains("id=\"err-file\"", "too large or not readable");
        agency.get("/console/policy/check");

        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe};
        HttpResponse<String> image = agency.multipart("/console/policy/check", Map.of("region", "zhanjiang", "overlay", ""), "photo.png", binary);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).contains("id=\"err-file\"", "not UTF-8 text");

        HttpResponse<String> notYaml = agency.multipart("/console/policy/check", Map.of("region", "zhanjiang", "overlay",
                "reform:\n  name: x\n  description: [unclosed\nresident: {"), null, null);
        assertThat(notYaml.statusCode()).isEqualTo(200);
        assertThat(notYaml.body()).contains("not valid YAML", "第 4 行");

        HttpResponse<String> prose = agency.multipart("/console/policy/check", Map.of("region", "zhanjiang", "overlay",
                "Please lower the deductible."), null, null);
        assertThat(prose.body()).contains("a reform is a mapping", "第 1 行");

        HttpResponse<String> empty = agency.multipart("/console/policy/check", Map.of("region", "zhanjiang", "overlay", " "), null, null);
        assertThat(empty.body()).contains("id=\"err-overlay\"", "empty");
    }

    @Test
    void theInstitutionsClerkMayNotOpenTheExplorer() throws Exception {
        Client clerk = new Client(port).signIn("clerk");
        assertThat(clerk.get("/console/policy").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/policy/check").statusCode()).isEqualTo(403);
        assertThat(new Client(port).signIn("insurer").get("/console/policy/diff").statusCode()).isEqualTo(403);
    }

    /** A browser's part: cookies, the page's CSRF token, form and multipart posts. */
    static final class Client {
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");
        final String base;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Client(int port) {
            base = "http://localhost:" + port;
        }

        Client signIn(String user) throws Exception {
            get("/login");
            String form = "username=" + user + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Location")).as(user + " signs in").hasValueSatisfying(l -> assertThat(l).endsWith("/"));
            return this;
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            remember(r.body());
            return r;
        }

        /** A multipart/form-data post as the check page's form sends it: its fields, the token, and a file when given. */
        HttpResponse<String> multipart(String path, Map<String, String> fields, String fileName, byte[] file) throws Exception {
            String boundary = "----policy" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            for (Map.Entry<String, String> e : all.entrySet()) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            if (file != null) body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            remember(r.body());
            return r;
        }

        /** The table row with this id, as the page has it. */
        String row(String page, String id) {
            int start = page.indexOf("<tr id=\"" + id + "\"");
            assertThat(start).as("row " + id).isGreaterThanOrEqualTo(0);
            return page.substring(start, page.indexOf("</tr>", start));
        }

        private void remember(String body) {
            Matcher m = CSRF.matcher(body == null ? "" : body);
            if (m.find()) csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
    }
}
