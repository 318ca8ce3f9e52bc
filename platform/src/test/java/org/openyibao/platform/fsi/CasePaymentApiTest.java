package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.openyibao.platform.yearend.CloseYear;

/**
 * Case-based payment through the interfaces (docs/hospital-payment.md#case-based-payment-on-the-platform): a long
 * stay settled over the national interface goes to special review, appears in /api/case-payment's lists, holds up the
 * year's close until the agency decides it, and is paid what the review approved; an ungroupable case is settled all
 * the same and paid by fee; only agency staff decide; bad filters and decisions are refused naming the field.
 */
class CasePaymentApiTest extends FsiServerTest {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String PATIENT = "44080000001401";
    static final String CERT = "440802196204040048";

    @Autowired
    CloseYear closeYear;

    private static boolean seeded;

    @BeforeEach
    void patient() {
        synchronized (CasePaymentApiTest.class) {
            if (seeded) return;
            new org.openyibao.platform.ledger.Ledger(jdbc).openRegion("440800");
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, ?, 'Zhou Patient', '2', DATE '1962-04-04', '440800')", PATIENT, CERT);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", PATIENT);
            seeded = true;
        }
    }

    /** Admission, two fee lines (6,360.00), discharge with {@code diagnosis}, settlement; the settled visit's mdtrt_id. */
    private String stay(String admitted, String discharged, String diagnosis) {
        FsiTestClient c = hospital().signIn();
        ObjectNode adm = F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", PATIENT).put("insutype", "390").put("begntime", admitted + " 08:00:00")
                .put("med_type", "21").put("ipt_no", "IP-API");
        FsiTestClient.Reply a = c.call("2401", adm);
        assertThat(a.infcode()).as(a.text()).isZero();
        String mdtrtId = a.output().at("/result/mdtrt_id").asText();
        ObjectNode fees = F.objectNode();
        fees.putArray("feedetail").add(FsiSettlementFlowTest.fee(mdtrtId, PATIENT, "1", "F006", "10", "600.00", null))
                .add(FsiSettlementFlowTest.fee(mdtrtId, PATIENT, "2", "F002", "2", "180.00", null));
        assertThat(c.call("2301", fees).infcode()).isZero();
        ObjectNode d = F.objectNode();
        d.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", PATIENT).put("endtime", discharged + " 10:00:00")
                .put("dscg_way", "1");
        d.putArray("diseinfo").addObject().put("maindiag_flag", "1").put("diag_srt_no", "1").put("diag_code", diagnosis);
        FsiTestClient.Reply dr = c.call("2402", d);
        assertThat(dr.infcode()).as(dr.text()).isZero();
        FsiTestClient.Reply s = c.call("2304", FsiSettlementFlowTest.data("psn_no", PATIENT, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", CERT, "medfee_sumamt", 6360, "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", "390"));
        assertThat(s.infcode()).as("the patient's settlement never fails for the grouping: " + s.text()).isZero();
        return mdtrtId;
    }

    private HttpResponse<String> rest(String method, String path, String body, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return FsiTestClient.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode agency(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = rest(method, path, body, "agency", AGENCY_PASSWORD);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return FsiTestClient.json(r.body());
    }

    @Test
    void aLongStayGoesToSpecialReviewHoldsTheCloseAndIsPaidWhatTheReviewApproves() throws Exception {
        // 2026-04-01 to 2026-06-05: 65 days, longer than special_review.length_of_stay (60): sent to review and paid
        // the group's score (I21-03, AMI conservative: 110 points) until the agency decides
        String mdtrtId = stay("2026-04-01", "2026-06-05", "I21.9");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM discharged_case WHERE mdtrt_id = ?", mdtrtId);
        assertThat(row.get("group_code")).isEqualTo("I21-03");
        assertThat(row.get("payment_kind")).isEqualTo("special_review");
        assertThat(row.get("points_ppm")).isEqualTo(110_000_000L);
        assertThat(row.get("review_status")).isEqualTo("pending");

        JsonNode page = agency("GET", "/api/case-payment/440800/cases?institution=" + HOSPITAL + "&month=2026-06&size=100", null, 200);
        assertThat(page.get("cases").findValuesAsText("mdtrt_id")).contains(mdtrtId);
        JsonNode other = agency("GET", "/api/case-payment/440800/cases?institution=" + OTHER + "&month=2026-06", null, 200);
        assertThat(other.get("cases").findValuesAsText("mdtrt_id")).doesNotContain(mdtrtId);
        assertThat(agency("GET", "/api/case-payment/440800/reviews", null, 200).findValuesAsText("mdtrt_id")).contains(mdtrtId);

        Map<String, List<String>> unfinished = closeYear.unfinished("440800", 2026);
        assertThat(unfinished.get("special cases not reviewed")).anyMatch(line -> line.contains(mdtrtId));

        // the auditor reads but does not decide
        assertThat(rest("POST", "/api/case-payment/440800/reviews/" + mdtrtId, "{\"decision\": \"approve\", \"reviewed\": 1}",
                "auditor", AUDITOR_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(agency("POST", "/api/case-payment/440800/reviews/" + mdtrtId, "{\"decision\": \"reject\"}", 400)
                .toString()).contains("reason");
        assertThat(agency("POST", "/api/case-payment/440800/reviews/" + mdtrtId, "{\"decision\": \"maybe\"}", 400)
                .toString()).contains("decision");

        // approved at 150 points (DIP: the reviewed amount is in millionths of a point)
        JsonNode decided = agency("POST", "/api/case-payment/440800/reviews/" + mdtrtId,
                "{\"decision\": \"approve\", \"reviewed\": 150000000, \"reason\": \"complications documented\"}", 200);
        assertThat(decided.at("/details/review_status").asText()).isEqualTo("approved");
        assertThat(decided.at("/details/points_ppm").asLong()).isEqualTo(150_000_000L);
        assertThat(decided.get("payment").toString()).contains("special review decided").contains("complications documented");
        assertThat(decided.get("grouping").size()).isPositive();
        assertThat(decided.get("events").findValuesAsText("event")).containsSubsequence("captured", "grouped", "sent_to_review",
                "approved");
        agency("POST", "/api/case-payment/440800/reviews/" + mdtrtId, "{\"decision\": \"reject\", \"reason\": \"again\"}", 409);
        assertThat(closeYear.unfinished("440800", 2026).getOrDefault("special cases not reviewed", List.of()))
                .noneMatch(line -> line.contains(mdtrtId));

        JsonNode detail = agency("GET", "/api/case-payment/440800/cases/" + mdtrtId, null, 200);
        assertThat(detail.at("/details/group_code").asText()).isEqualTo("I21-03");
        JsonNode indicators = agency("GET", "/api/case-payment/440800/indicators?year=2026&institution=" + HOSPITAL, null, 200);
        assertThat(indicators.findValuesAsText("period")).contains("2026", "2026-06");
    }

    @Test
    void anUngroupableCaseIsSettledAndPaidByFee() {
        String mdtrtId = stay("2026-07-01", "2026-07-04", "R69"); // in no DIP combination or diagnosis range of the table
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM discharged_case WHERE mdtrt_id = ?", mdtrtId);
        assertThat(row.get("status")).isEqualTo("settled");
        assertThat(row.get("outcome")).isNotEqualTo("grouped");
        assertThat(row.get("payment_kind")).isEqualTo("no_group");
        assertThat(row.get("payment_fen")).isEqualTo(636_000L); // the cost, by fee
    }

    @Test
    void theDipYearEndPreviewSharesTheBudgetByPointsAndSaysWhatIsDue() throws Exception {
        stay("2026-08-01", "2026-08-05", "I21.9"); // a DIP-scored case of the hospital's, whatever else the year has
        assertThat(agency("GET", "/api/case-payment/440800/year-end?year=2026", null, 400).toString())
                .as("the residents' pool has points but no budget").contains("budget.resident");
        // no employee was treated: the employees' budget is not shared, and says so
        JsonNode y = agency("GET", "/api/case-payment/440800/year-end?year=2026&dip_budget_resident=100000.00"
                + "&dip_budget_employee=50000.00", null, 200);
        assertThat(y.get("steps").toString()).contains("no employee DIP cases");
        assertThat(y.toString()).doesNotContain("E+");
        JsonNode pool = null;
        for (JsonNode p : y.get("pools")) if ("resident".equals(p.get("scheme").asText())) pool = p;
        assertThat(pool).as(y.toString()).isNotNull();
        // distributable = budget + the patients' share; the finals share it exactly, the funds' dues share the budget
        assertThat(pool.get("budget").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(pool.get("distributable").decimalValue())
                .isEqualByComparingTo(pool.get("budget").decimalValue().add(pool.get("patient_share").decimalValue()));
        java.math.BigDecimal finals = java.math.BigDecimal.ZERO, dues = java.math.BigDecimal.ZERO;
        for (JsonNode h : y.get("dip")) {
            if (!"resident".equals(h.get("scheme").asText())) continue;
            finals = finals.add(h.get("final_amount").decimalValue());
            dues = dues.add(h.get("fund_due").decimalValue());
            assertThat(h.get("balance").decimalValue()).isEqualByComparingTo(h.get("fund_due").decimalValue()
                    .subtract(h.get("advanced").decimalValue()));
        }
        assertThat(finals).isEqualByComparingTo(pool.get("distributable").decimalValue());
        assertThat(dues).isEqualByComparingTo("100000.00");
        assertThat(y.get("dip").findValuesAsText("institution_code")).contains(HOSPITAL);
        agency("GET", "/api/case-payment/440800/year-end?year=2026&dip_budget_resident=-1", null, 400);
    }

    @Test
    void badFiltersAreRefusedNamingTheField() throws Exception {
        assertThat(agency("GET", "/api/case-payment/440800/cases?month=2026-13", null, 400).toString()).contains("month");
        assertThat(agency("GET", "/api/case-payment/440800/cases?size=1000", null, 400).toString()).contains("size");
        assertThat(agency("GET", "/api/case-payment/440800/cases?review=maybe", null, 400).toString()).contains("review");
        agency("GET", "/api/case-payment/440800/cases/NO-SUCH-CASE", null, 404);
        agency("GET", "/api/case-payment/999999/cases", null, 404);
    }

    @Test
    void theAgencyStoresTheYearsDipBudgetsTheAuditorOnlyReadsAndBadAmountsAreRefusedNamingTheField() throws Exception {
        // 2025: a year no other test stores a budget for
        assertThat(agency("GET", "/api/case-payment/440800/budgets/2025", null, 200).get("budgets").size()).isZero();
        JsonNode stored = agency("PUT", "/api/case-payment/440800/budgets/2025", "{\"resident\": \"120000.50\"}", 200);
        assertThat(stored.at("/budgets/resident").decimalValue()).isEqualByComparingTo("120000.50");
        assertThat(stored.at("/budgets/employee").isMissingNode()).isTrue();
        // set again with the employees' budget: the residents' stands, the employees' is added
        agency("PUT", "/api/case-payment/440800/budgets/2025", "{\"employee\": 80000}", 200);
        JsonNode read = agency("GET", "/api/case-payment/440800/budgets/2025", null, 200);
        assertThat(read.at("/budgets/resident").decimalValue()).isEqualByComparingTo("120000.50");
        assertThat(read.at("/budgets/employee").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(jdbc.queryForObject("SELECT set_by FROM case_dip_budget WHERE admdvs = '440800' AND fiscal_year = 2025"
                + " AND scheme = 'employee'", String.class)).isEqualTo("agency");

        assertThat(agency("PUT", "/api/case-payment/440800/budgets/2025", "{\"resident\": -1}", 400).toString())
                .contains("resident");
        assertThat(agency("PUT", "/api/case-payment/440800/budgets/2025", "{\"employee\": 1.234}", 400).toString())
                .contains("employee");
        assertThat(agency("PUT", "/api/case-payment/440800/budgets/2025", "{}", 400).toString()).contains("budgets");
        agency("PUT", "/api/case-payment/999999/budgets/2025", "{\"resident\": 1}", 404);
        assertThat(rest("PUT", "/api/case-payment/440800/budgets/2025", "{\"resident\": 1}", "auditor", AUDITOR_PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(rest("GET", "/api/case-payment/440800/budgets/2025", null, "auditor", AUDITOR_PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(agency("GET", "/api/case-payment/440800/budgets/2025", null, 200).at("/budgets/resident").decimalValue())
                .as("nothing refused was stored").isEqualByComparingTo("120000.50");

        // every change is on the operator audit log, as other agency writes are
        long audited = 0;
        for (int i = 0; i < 50 && audited < 2; i++) {
            audited = jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE action = ? AND subject = ? AND outcome = '200'",
                    Long.class, "PUT /api/case-payment/{admdvs}/budgets/{year}", "/api/case-payment/440800/budgets/2025");
            if (audited < 2) Thread.sleep(100);
        }
        assertThat(audited).isEqualTo(2);
    }
}
