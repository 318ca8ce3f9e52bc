package org.openyibao.platform.contribution;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import org.openyibao.platform.ledger.FundController;
import org.openyibao.platform.ledger.LedgerController;
import org.openyibao.platform.ledger.RegionFixture;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;

/**
 * The contribution, fund and ledger endpoints over HTTP (MockMvc on the controllers, the services on H2):
 * status codes, JSON and CSV bodies, and every 400 naming its field. Security is the platform's
 * (SecurityConfig: /api/** AGENCY, GET also AUDITOR) and is not exercised here.
 */
class ContributionApiTest {
    TestDatabase db;
    RegionFixture f;
    MockMvc mvc;
    long enrolment;

    @BeforeEach
    void start() {
        db = TestDatabase.fresh(TestDatabase.Kind.H2);
        f = RegionFixture.open(db, "440800");
        enrolment = f.employee(f.person(), "combined", "in_service", LocalDate.of(2018, 1, 1));
        mvc = MockMvcBuilders.standaloneSetup(new ContributionController(f.contributions),
                        new FundController(f.report, f.close, f.ledger, db.tx, db.jdbc, f.fiscal,
                                f.insurerPremium), new LedgerController(f.check, db.jdbc))
                .setControllerAdvice(new ApiErrors()).build();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    void badRequest(ResultActions r, String field, String message) throws Exception {
        r.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.message", startsWith(field + ": " + message)));
    }

    String month(String period, String wage, String paidOn) {
        return "{\"enrolment_id\": " + enrolment + ", \"period\": \"" + period + "\", \"wage\": " + wage + ", \"paid_on\": \""
                + paidOn + "\"}";
    }

    @Test
    void payAMonthListArrearsAndPayThem() throws Exception {
        postJson("/api/contributions/employee", month("2018-03", "5000.00", "2018-03-15"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("paid"))
                .andExpect(jsonPath("$.employer").value(310.00))
                .andExpect(jsonPath("$.employee").value(100.00))
                .andExpect(jsonPath("$.account").value(100.00))
                .andExpect(jsonPath("$.paid_on").value("2018-03-15"));
        postJson("/api/contributions/employee", month("2018-03", "5000.00", "2018-03-16"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("period"));

        String due = postJson("/api/contributions/employee/due", "{\"enrolment_id\": " + enrolment
                + ", \"period\": \"2018-04\", \"wage\": 5000}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("due")).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(due.replaceAll(".*\"id\":(\\d+).*", "$1"));
        long person = db.jdbc.queryForObject("SELECT person_id FROM enrolment WHERE id = ?", Long.class, enrolment);
        mvc.perform(get("/api/contributions/arrears").param("person_id", String.valueOf(person)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(410.00))
                .andExpect(jsonPath("$.contributions[0].period").value("2018-04"));
        postJson("/api/contributions/" + id + "/payment", "{\"paid_on\": \"2018-05-02\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("paid"))
                .andExpect(jsonPath("$.benefits_restored_on").value("2018-05-02"));
        mvc.perform(get("/api/contributions").param("person_id", String.valueOf(person)))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/contributions/" + id)).andExpect(jsonPath("$.period").value("2018-04"));
        mvc.perform(get("/api/contributions/99999")).andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("id"));
        mvc.perform(get("/api/ledger/check")).andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.entries").value(3)).andExpect(jsonPath("$.violations.length()").value(0));
    }

    @Test
    void everyBadRequestNamesItsField() throws Exception {
        badRequest(postJson("/api/contributions/employee", month("2018-3", "5000", "2018-03-15")), "period",
                "must be a month YYYY-MM, got '2018-3'");
        badRequest(postJson("/api/contributions/employee", month("2018-03", "\"lots\"", "2018-03-15")), "wage", "lots is not a valid");
        badRequest(postJson("/api/contributions/employee", month("2018-03", "0", "2018-03-15")), "wage", "must be positive");
        badRequest(postJson("/api/contributions/employee", month("2018-03", "1e25", "2018-03-15")), "wage", "too large");
        badRequest(postJson("/api/contributions/employee", month("2018-03", "50.001", "2018-03-15")), "wage", "at most two decimals");
        badRequest(postJson("/api/contributions/employee", "{\"enrolment_id\": {}, \"period\": \"2018-03\"}"), "enrolment_id",
                "not a valid whole number");
        badRequest(postJson("/api/contributions/employee", "{\"enrolment_id\": 99999999999999999999}"), "enrolment_id", "not a valid value");
        badRequest(postJson("/api/contributions/employee", month("2018-03", "5000", "2018-02-30")), "paid_on", "2018-02-30 is not a valid");
        badRequest(postJson("/api/contributions/employee", "{\"period\": \"2018-03\", \"wage\": 5000, \"paid_on\": \"2018-03-15\"}"),
                "enrolment_id", "required");
        badRequest(postJson("/api/contributions/resident", "{\"enrolment_id\": " + enrolment + ", \"paid_on\": \"2018-03-15\"}"),
                "year", "required");
        badRequest(postJson("/api/contributions/retiree-credit", "{\"enrolment_id\": " + enrolment + ", \"period\": \"2018-03\"}"),
                "credited_on", "required");
        badRequest(postJson("/api/contributions/1/payment", "{}"), "paid_on", "required");
        badRequest(mvc.perform(get("/api/contributions/arrears")), "person_id", "required");
        badRequest(mvc.perform(put("/api/contributions/average-wages/440800/2018").contentType(MediaType.APPLICATION_JSON)
                .content("{\"average_monthly_wage\": -1, \"source\": \"x\"}")), "average_monthly_wage", "must be positive");
        badRequest(mvc.perform(put("/api/contributions/average-wages/440800/2018").contentType(MediaType.APPLICATION_JSON)
                .content("{\"average_monthly_wage\": 6000}")), "source", "required");
        badRequest(mvc.perform(get("/api/funds/440800/report").param("year", "last")), "year", "'last' is not a valid whole number");
        badRequest(mvc.perform(get("/api/funds/440800/report").param("year", "2018").param("format", "xml")), "format", "json or csv");
        badRequest(mvc.perform(get("/api/funds/4408/report").param("year", "2018")), "admdvs", "must be a 6-digit region code");
        badRequest(postJson("/api/funds/440800/transfers", "{\"from_fund\": \"pool\", \"to_fund\": \"assistance\", \"amount\": 10,"
                + " \"date\": \"2018-03-01\", \"reference\": \"order 1\"}"), "from_fund", "no fund 'pool'");
        badRequest(postJson("/api/funds/440800/transfers", "{\"from_fund\": \"pooling\", \"to_fund\": \"assistance\", \"amount\": 10,"
                + " \"date\": \"2018-03-01\"}"), "reference", "required");
        badRequest(postJson("/api/funds/440800/transfers", "{\"from_fund\": \"pooling\", \"to_fund\": \"assistance\", \"amount\": 10,"
                + " \"date\": \"2018-03-01\", \"reference\": \"order\\u0000 1\"}"), "reference", "must not contain control characters");
        badRequest(mvc.perform(put("/api/contributions/average-wages/440800/2018").contentType(MediaType.APPLICATION_JSON)
                .content("{\"average_monthly_wage\": 6000, \"source\": \"bulletin\\u0007\"}")), "source", "must not contain control characters");
        mvc.perform(get("/api/ledger/check")).andExpect(jsonPath("$.entries").value(0));
    }

    @Test
    void fundReportAsJsonOrCsvAndTheYearEndClose() throws Exception {
        postJson("/api/contributions/employee", month("2018-03", "5000.00", "2018-03-15")).andExpect(status().isCreated());
        postJson("/api/funds/440800/transfers", "{\"from_fund\": \"pooling\", \"to_fund\": \"assistance\", \"amount\": 10.50,"
                + " \"date\": \"2018-04-01\", \"reference\": \"order 1\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(10.50));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.funds[0].fund").value("pooling"))
                .andExpect(jsonPath("$.funds[0].months[2].income").value(310.00))
                .andExpect(jsonPath("$.funds[0].months[3].transfers_out").value(10.50))
                .andExpect(jsonPath("$.funds[0].year.balance").value(299.50))
                .andExpect(jsonPath("$.closed").value(false));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018").accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(startsWith("admdvs,year,fund,month,contributions,")));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018").param("format", "csv"))
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        mvc.perform(get("/api/funds/440800/accounts")).andExpect(jsonPath("$[0].code").value("440800:pooling:bank"))
                .andExpect(jsonPath("$[0].balance").value(299.50));

        mvc.perform(post("/api/funds/440800/close").param("year", "2018"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.funds[0].fund").value("pooling"))
                .andExpect(jsonPath("$.funds[0].surplus").value(299.50));
        mvc.perform(post("/api/funds/440800/close").param("year", "2018"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("year"));
        postJson("/api/contributions/employee", month("2018-04", "5000.00", "2018-04-15"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018")).andExpect(jsonPath("$.closed").value(true));
        mvc.perform(get("/api/funds/440801/report").param("year", "2018")).andExpect(status().isNotFound());
    }

    /**
     * A resident pays 2018 on 5 March: 180.00 of their own. March's fiscal transfer brings the subsidy of 380.00 (Luo 2020,
     * §2.9.4): 323.00 to pooling, 57.00 to serious illness, requested and received on 31 March; a second call posts nothing.
     */
    @Test
    void fiscalTransfersOverHttp() throws Exception {
        long resident = f.resident(f.person(), 1, LocalDate.of(2018, 1, 1));
        postJson("/api/contributions/resident", "{\"enrolment_id\": " + resident + ", \"year\": 2018, \"paid_on\": \"2018-03-05\"}")
                .andExpect(status().isCreated());
        mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "2018").param("month", "3")
                        .param("received_on", "2018-03-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2018-03"))
                .andExpect(jsonPath("$.posted").value(4))
                .andExpect(jsonPath("$.funds[0].fund").value("pooling"))
                .andExpect(jsonPath("$.funds[0].requested").value(323.00))
                .andExpect(jsonPath("$.funds[0].received").value(323.00))
                .andExpect(jsonPath("$.funds[0].owed").value(0))
                .andExpect(jsonPath("$.funds[1].requested").value(57.00))
                .andExpect(jsonPath("$.funds[2].fund").value("assistance"))
                .andExpect(jsonPath("$.funds[2].requested").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "2018").param("month", "3")
                        .param("received_on", "2018-03-31"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.posted").value(0));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018"))
                .andExpect(jsonPath("$.funds[0].months[2].contributions").value(153.00))
                .andExpect(jsonPath("$.funds[0].months[2].fiscal_income").value(323.00))
                .andExpect(jsonPath("$.funds[0].year.fiscal_receivable").value(0));
        badRequest(mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "2018").param("month", "13")), "month",
                "1 to 12, got 13");
        badRequest(mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "2018")), "month", "required");
        badRequest(mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "last").param("month", "3")), "year",
                "'last' is not a valid whole number");
        badRequest(mvc.perform(post("/api/funds/440800/fiscal-transfers").param("year", "2018").param("month", "3")
                .param("received_on", "2018-02-30")), "received_on", "a date YYYY-MM-DD");
        mvc.perform(get("/api/ledger/check")).andExpect(jsonPath("$.ok").value(true));
    }

    /**
     * The same resident's 2018 under Zhanjiang's contract (Luo 2020, §2.9.4 (4)): premium 15% × (180.00 + 380.00) = 84.00,
     * nothing withheld; March pays instalments 1–3 of 84.00 ÷ 12 = 7.00, 21.00; a second call posts nothing.
     */
    @Test
    void insurerPremiumOverHttp() throws Exception {
        long resident = f.resident(f.person(), 1, LocalDate.of(2018, 1, 1));
        postJson("/api/contributions/resident", "{\"enrolment_id\": " + resident + ", \"year\": 2018, \"paid_on\": \"2018-03-05\"}")
                .andExpect(status().isCreated());
        mvc.perform(post("/api/funds/440800/insurer-premium").param("year", "2018").param("month", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2018-03"))
                .andExpect(jsonPath("$.posted").value(2))
                .andExpect(jsonPath("$.steps[0].step").value("premium"))
                .andExpect(jsonPath("$.steps[0].posted_now").value(84.00))
                .andExpect(jsonPath("$.steps[2].step").value("instalment"))
                .andExpect(jsonPath("$.steps[2].posted_now").value(21.00))
                .andExpect(jsonPath("$.steps[2].basis").value(org.hamcrest.Matchers.startsWith("instalments 1–3 of 12 of 84.00")))
                .andExpect(jsonPath("$.premium_due").value(63.00));
        mvc.perform(post("/api/funds/440800/insurer-premium").param("year", "2018").param("month", "3"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.posted").value(0));
        mvc.perform(get("/api/funds/440800/report").param("year", "2018"))
                .andExpect(jsonPath("$.funds[2].fund").value("serious_illness"))
                .andExpect(jsonPath("$.funds[2].months[2].insurer_premium").value(84.00))
                .andExpect(jsonPath("$.funds[2].months[2].instalments_paid").value(21.00))
                .andExpect(jsonPath("$.funds[2].months[2].premium_due").value(63.00));
        badRequest(mvc.perform(post("/api/funds/440800/insurer-premium").param("year", "2018").param("month", "13")), "month",
                "1 to 12, got 13");
        badRequest(mvc.perform(post("/api/funds/440800/insurer-premium").param("month", "3")), "year", "required");
        mvc.perform(get("/api/ledger/check")).andExpect(jsonPath("$.ok").value(true));
    }
}
