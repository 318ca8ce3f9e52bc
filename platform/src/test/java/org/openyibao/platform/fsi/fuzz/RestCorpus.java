package org.openyibao.platform.fsi.fuzz;

import static org.openyibao.platform.fsi.fuzz.FuzzServer.HOSPITAL;
import static org.openyibao.platform.fsi.fuzz.OddValues.pick;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.registry.RegistryFixture;

/**
 * The REST API fuzz's corpus: a valid request for every endpoint (registry, enrolment, contributions, funds and
 * ledger, settlements, interface credentials, the OAuth token endpoint, health), naming persons, enrolments, a
 * contribution, a category and a settlement made for it through the API itself; and how a case is made from one:
 * a role, then mutations of the body, of a path variable or query value, or of the HTTP framing.
 */
final class RestCorpus {
    /** A request: method, path with its query, body (null: none) and its content type. */
    record Endpoint(String method, String path, String body, String contentType) {}

    final List<Endpoint> endpoints = new ArrayList<>();
    private final int port;
    private final JdbcTemplate jdbc;

    private RestCorpus(int port, JdbcTemplate jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** Agency staff's call during set-up: the reply's JSON, or an exception naming what failed. */
    private JsonNode agency(String method, String path, String body) {
        FuzzRequest r = new FuzzRequest(path);
        r.method = method;
        r.header("Authorization", Credentials.basic("agency", FuzzServer.PASSWORD)).header("Content-Type", "application/json");
        if (body != null) r.body(body);
        RawHttp.Reply reply = RawHttp.exchange(port, r.bytes(), FuzzRun.TIMEOUT_MS);
        if (reply.status() < 200 || reply.status() >= 300) throw new IllegalStateException(method + " " + path + ": " + reply.text());
        return FsiJson.parse(reply.text(), path);
    }

    private void add(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, body == null ? null : "application/json"));
    }

    static RestCorpus build(int port, JdbcTemplate jdbc) {
        RestCorpus c = new RestCorpus(port, jdbc);
        c.registryAndEnrolment();
        return c;
    }

    private void registryAndEnrolment() {
        String cert = RegistryFixture.id("440802", LocalDate.of(1970, 3, 4), true);
        String person = "{\"cert_no\":\"" + cert + "\",\"name\":\"Fuzz Rest\",\"admdvs\":\"440800\"}";
        String psn = agency("POST", "/api/persons", person).get("psn_no").asText();
        agency("POST", "/api/employers", "{\"code\":\"E440800951\",\"name\":\"Fuzz Port\",\"admdvs\":\"440800\"}");
        String worker = agency("POST", "/api/persons", "{\"cert_no\":\"" + RegistryFixture.id("440802", LocalDate.of(1975, 6, 7), false)
                + "\",\"name\":\"Fuzz Worker\",\"admdvs\":\"440800\"}").get("psn_no").asText();
        String resident = "{\"psn_no\":\"" + psn + "\",\"scheme\":\"resident\",\"admdvs\":\"440800\",\"valid_from\":\"2018-01-01\"}";
        long residentEnrolment = agency("POST", "/api/enrolments", resident).get("id").asLong();
        long employeeEnrolment = agency("POST", "/api/enrolments", "{\"psn_no\":\"" + worker + "\",\"scheme\":\"employee\","
                + "\"admdvs\":\"440800\",\"payment_mode\":\"combined\",\"employer_code\":\"E440800951\",\"valid_from\":\"2018-01-01\"}")
                .get("id").asLong();
        long category = agency("POST", "/api/persons/" + psn + "/categories",
                "{\"category\":\"documented_poor\",\"valid_from\":\"2018-01-01\"}").get("id").asLong();
        long personId = jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, worker);

        add("GET", "/api/regions", null);
        add("GET", "/api/regions/440800", null);
        add("POST", "/api/regions", "{\"admdvs\":\"449951\",\"name\":\"Fuzz\",\"policy_pack\":\"zhanjiang\"}");
        add("POST", "/api/institutions", "{\"code\":\"H44080000951\",\"name\":\"Fuzz Clinic\",\"level\":\"level1\",\"type\":\"clinic\","
                + "\"admdvs\":\"440800\",\"designated_from\":\"2009-01-01\"}");
        add("GET", "/api/institutions/" + HOSPITAL, null);
        add("GET", "/api/institutions?admdvs=440800&on=2018-06-01", null);
        add("POST", "/api/employers", "{\"code\":\"E440800952\",\"name\":\"Fuzz Works\",\"admdvs\":\"440800\"}");
        add("GET", "/api/employers/E440800951", null);
        add("POST", "/api/households", "{\"ref\":\"HHFUZZ\",\"admdvs\":\"440800\"}");
        add("GET", "/api/households/HHFUZZ", null);
        add("POST", "/api/persons", person);
        add("GET", "/api/persons/" + psn, null);
        add("POST", "/api/persons/search", "{\"cert_no\":\"" + cert + "\"}");
        add("POST", "/api/enrolments", resident);
        add("GET", "/api/enrolments/" + residentEnrolment, null);
        add("POST", "/api/enrolments/" + employeeEnrolment + "/suspensions", "{\"from_date\":\"2018-03-01\",\"reason\":\"arrears\"}");
        add("POST", "/api/enrolments/" + employeeEnrolment + "/restore", "{\"paid_on\":\"2018-03-20\"}");
        add("POST", "/api/enrolments/" + residentEnrolment + "/end", "{\"valid_until\":\"2030-12-31\"}");
        add("GET", "/api/persons/" + psn + "/enrolments", null);
        add("POST", "/api/persons/" + psn + "/categories", "{\"category\":\"dire_poverty\",\"valid_from\":\"2019-01-01\"}");
        add("POST", "/api/persons/" + psn + "/categories/" + category + "/end", "{\"valid_until\":\"2030-12-31\"}");
        add("GET", "/api/persons/" + psn + "/categories", null);
        add("GET", "/api/persons/" + psn + "/coverage?date=2018-03-20", null);
        add("GET", "/api/reports/duplicate-enrolments?limit=10", null);
        contributionsAndFunds(residentEnrolment, employeeEnrolment, personId);
        settlementsAndCredentials(psn);
    }

    private void contributionsAndFunds(long residentEnrolment, long employeeEnrolment, long personId) {
        agency("PUT", "/api/contributions/average-wages/440800/2017", "{\"average_monthly_wage\":5500,\"source\":\"fuzz bulletin\"}");
        String month = "{\"enrolment_id\":" + employeeEnrolment + ",\"period\":\"2018-04\",\"wage\":5000.00,\"paid_on\":\"2018-04-15\"}";
        long contribution = agency("POST", "/api/contributions/employee/due", "{\"enrolment_id\":" + employeeEnrolment
                + ",\"period\":\"2018-05\",\"wage\":5000}").get("id").asLong();
        add("POST", "/api/contributions/employee", month);
        add("POST", "/api/contributions/employee/due", month.replace("2018-04", "2018-06"));
        add("POST", "/api/contributions/resident", "{\"enrolment_id\":" + residentEnrolment + ",\"year\":2018,\"paid_on\":\"2018-01-15\"}");
        add("POST", "/api/contributions/resident/due", "{\"enrolment_id\":" + residentEnrolment + ",\"year\":2019}");
        add("POST", "/api/contributions/retiree-credit", "{\"enrolment_id\":" + employeeEnrolment
                + ",\"period\":\"2018-03\",\"credited_on\":\"2018-03-15\"}");
        add("POST", "/api/contributions/" + contribution + "/payment", "{\"paid_on\":\"2018-05-20\"}");
        add("GET", "/api/contributions?person_id=" + personId, null);
        add("GET", "/api/contributions/arrears?person_id=" + personId, null);
        add("GET", "/api/contributions/" + contribution, null);
        add("PUT", "/api/contributions/average-wages/440800/2018", "{\"average_monthly_wage\":6000,\"source\":\"fuzz bulletin\"}");
        add("GET", "/api/contributions/average-wages/440800", null);
        add("GET", "/api/funds/440800/report?year=2018", null);
        add("GET", "/api/funds/440800/report?year=2018&format=csv", null);
        add("POST", "/api/funds/440800/close?year=2017", null);
        add("GET", "/api/funds/440800/accounts", null);
        add("POST", "/api/funds/440800/transfers", "{\"from_fund\":\"pooling\",\"to_fund\":\"assistance\",\"amount\":10.50,"
                + "\"date\":\"2018-04-01\",\"reference\":\"fuzz order\"}");
        add("GET", "/api/ledger/check", null);
    }

    private void settlementsAndCredentials(String psn) {
        String visit = "{\"psn_no\":\"" + psn + "\",\"institution_code\":\"" + HOSPITAL + "\",\"visit\":{\"date\":\"2018-11-02\","
                + "\"type\":\"inpatient\",\"lines\":[{\"class\":\"A\",\"amount\":20000},{\"class\":\"B\",\"amount\":120.50}]}}";
        String setlId = agency("POST", "/api/settlements", visit).get("setl_id").asText();
        add("POST", "/api/settlements/estimate", visit);
        add("POST", "/api/settlements", visit);
        add("GET", "/api/settlements/" + setlId, null);
        add("POST", "/api/settlements/" + setlId + "/cancel", null);
        // the insurer's case audit, read by the agency and the auditor; stations set by the agency
        Long caseId = jdbc.queryForObject("SELECT MIN(id) FROM si_case WHERE admdvs = '440800'", Long.class);
        add("GET", "/api/insurer/440800/cases?status=open&month=2018-11&amount_from=0&amount_to=99999&page=1&size=5", null);
        add("GET", "/api/insurer/440800/cases/" + (caseId == null ? 1 : caseId), null);
        add("GET", "/api/insurer/stations?username=insurer", null);
        add("POST", "/api/insurer/stations", "{\"username\":\"insurer\",\"fixmedins_code\":\"" + HOSPITAL + "\",\"since\":\"2018-01-01\"}");

        // the interface credentials of an institution of their own: issued ones pile up there, not on a listed one
        agency("POST", "/api/institutions", "{\"code\":\"H44080000952\",\"name\":\"Fuzz Credentials\",\"level\":\"level1\","
                + "\"type\":\"clinic\",\"admdvs\":\"440800\",\"designated_from\":\"2009-01-01\"}");
        String issue = "{\"fixmedins_code\":\"H44080000952\",\"paasid\":\"paas-rest-fuzz\",\"reply_encryption\":\"never\"}";
        long credential = agency("POST", "/api/fsi/credentials", issue).get("id").asLong();
        add("POST", "/api/fsi/credentials", issue);
        add("GET", "/api/fsi/credentials?fixmedins_code=" + FuzzServer.OTHER, null);
        add("POST", "/api/fsi/credentials/" + credential + "/disable", null);
        add("POST", "/api/fsi/credentials/" + credential + "/enable", null);
        endpoints.add(new Endpoint("POST", "/auth/oauth/token", "grant_type=password&username=" + FuzzServer.USERNAME + "&password="
                + FuzzServer.HOSPITAL_PASSWORD + "&scope=fsi", "application/x-www-form-urlencoded"));
        add("GET", "/actuator/health", null);
    }

    // ------------------------------------------------------------------------------------------ one case

    /** Case {@code k}: an endpoint, a role, then mutations (or, now and then, the request as it is). */
    FuzzRequest fuzzCase(Random rnd, long k) {
        Endpoint e = pick(rnd, endpoints);
        FuzzRequest r = new FuzzRequest(e.path());
        r.method = e.method();
        if (e.path().startsWith("/auth/")) r.header("Authorization", Credentials.basic(FuzzServer.CLIENT_ID, FuzzServer.CLIENT_SECRET));
        else Credentials.staff(rnd, r);
        if (e.contentType() != null) r.header("Content-Type", e.contentType());
        int plan = rnd.nextInt(100);
        JsonNode json = e.body() == null || !e.body().startsWith("{") ? null : FsiJson.parse(e.body(), "corpus");
        if (plan < 40 && json != null) new Mutator(rnd).json((ObjectNode) json, r);
        String text = json != null ? FsiJson.write(json) : e.body();
        if (plan >= 40 && plan < 55) r.body = new Mutator(rnd).text(text == null ? "{}" : text, r);
        else if (text != null) r.body(text);
        if (plan >= 55 && plan < 70) r.target = oddVariable(rnd, r.target, r);
        if ((plan >= 70 && plan < 96) || (plan < 40 && rnd.nextInt(6) == 0)) new HttpMutator(rnd).mutate(r);
        return r;
    }

    /** A path variable or a query value replaced by an odd one, percent-encoded or (now and then) as it is. */
    private static String oddVariable(Random rnd, String target, FuzzRequest r) {
        String odd = rnd.nextBoolean() ? pick(rnd, OddValues.STRINGS) : pick(rnd, OddValues.NUMBERS);
        String value = rnd.nextInt(4) == 0 ? odd : URLEncoder.encode(odd, StandardCharsets.UTF_8);
        int q = target.indexOf('?');
        if (q >= 0 && rnd.nextBoolean()) {
            int eq = target.indexOf('=', q);
            int amp = target.indexOf('&', eq);
            String odded = target.substring(0, eq + 1) + value + (amp < 0 ? "" : target.substring(amp));
            r.did("query value " + Mutator.cut(odd));
            return odded;
        }
        String path = q < 0 ? target : target.substring(0, q);
        String[] parts = path.split("/");
        if (parts.length < 4) return target;
        int i = 3 + rnd.nextInt(parts.length - 3);
        parts[i] = value;
        r.did("path variable " + Mutator.cut(odd));
        return String.join("/", parts) + (q < 0 ? "" : target.substring(q));
    }
}
