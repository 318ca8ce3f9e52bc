package org.openyibao.platform.hospital;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.Principal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;

/**
 * The hospital-payment endpoints over HTTP (MockMvc on the controller, the services on H2): JSON in yuan, the CSV file,
 * and refusals naming their field. Security is the platform's (SecurityConfig: /api/** AGENCY, GET also AUDITOR).
 */
class HospitalPaymentApiTest {
    static final Principal AGENCY = () -> "agency1";
    TestDatabase db;
    HospitalFixture h;
    MockMvc mvc;

    @BeforeEach
    void start() {
        db = TestDatabase.fresh(TestDatabase.Kind.H2);
        h = new HospitalFixture(db);
        mvc = MockMvcBuilders.standaloneSetup(new HospitalPaymentController(h.budgets, h.prepayments, h.clearing, h.runs,
                h.yearEnds)).setControllerAdvice(new ApiErrors()).build();
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void fromABudgetToAPaymentFileOverHttp() throws Exception {
        h.institution("H1", "First Hospital");
        h.settle("H1", LocalDate.of(2018, 6, 10), "12000.00", "0", "0");
        String base = "/api/hospital/" + ADMDVS;
        mvc.perform(post(base + "/budgets?year=2019").principal(AGENCY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.made[0].institution_code").value("H1"))
                .andExpect(jsonPath("$.made[0].annual").value(12600.00))
                .andExpect(jsonPath("$.made[0].monthly[11]").value(1050.00))
                .andExpect(jsonPath("$.made[0].set_by").value("agency1"))
                .andExpect(jsonPath("$.made[0].steps[0].rule").value("annual budget"));
        mvc.perform(put(base + "/budgets/2019/H1").principal(AGENCY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"annual\": 13000.00}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post(base + "/prepayments?year=2019&month=1").principal(AGENCY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.posted").value(1)).andExpect(jsonPath("$.rows[0].paid").value(897.75))
                .andExpect(jsonPath("$.rows[0].deposit").value(47.25));
        mvc.perform(post(base + "/prepayments?year=2019&month=13").principal(AGENCY)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("month"));

        h.settle("H1", LocalDate.of(2019, 1, 10), "1000.00", "0", "300.00");
        String id = h.apply("H1", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 31));
        mvc.perform(get(base + "/clearing?status=undecided")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.applications[0].clr_appy_evt_id").value(id));
        mvc.perform(get(base + "/clearing?status=maybe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("status"));
        mvc.perform(post(base + "/clearing/" + id + "/reject").principal(AGENCY).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post(base + "/clearing/" + id + "/accept").principal(AGENCY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("accepted"));
        mvc.perform(post(base + "/clearing/" + id + "/accept").principal(AGENCY)).andExpect(status().isConflict());
        mvc.perform(post(base + "/clearing/NOPE/accept").principal(AGENCY)).andExpect(status().isNotFound());

        mvc.perform(post(base + "/payment-runs").principal(AGENCY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"run_id\": \"R1\", \"date\": \"2019-02-05\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(true)).andExpect(jsonPath("$.total").value(300.00))
                .andExpect(jsonPath("$.lines[0].offset").value(897.75)).andExpect(jsonPath("$.lines[0].held").value(102.25));
        mvc.perform(get(base + "/payment-runs/R1/file")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("payment-run-R1.csv")))
                .andExpect(content().string("run_id,institution_code,institution_name,fund,amount,reference\n"
                        + "R1,H1,First Hospital,serious_illness,300.00," + id + "\nR1,TOTAL,,,300.00,\n"));
        mvc.perform(get(base + "/payment-runs/NOPE")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("run_id"));

        mvc.perform(get(base + "/year-end?year=2019")).andExpect(status().isOk())
                .andExpect(jsonPath("$.unfinished[0]", startsWith("H1 (First Hospital): prepayments not posted for 2019-02")))
                .andExpect(jsonPath("$.institutions[0].budget").value(12600.00));
        mvc.perform(post(base + "/year-end?year=2019").principal(AGENCY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"failed_evaluation\": []}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("unfinished"));
        mvc.perform(get("/api/hospital/999999/budgets?year=2019")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("admdvs"));
    }
}
