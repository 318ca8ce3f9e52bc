package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.security.Activation;

/**
 * Feedback and complaints end to end over real HTTP (the same application as {@link PortalExplainedTest}): the insured
 * files one (refusals beside their fields, nothing written), the agency moves it along the workflow with notes (a
 * step the workflow does not allow refused, nothing changed), the insured reads the answer; someone else's is not
 * found, the institution's clerk reads without the complainant and cannot change it, nor can the auditor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portalwords;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=portal-words-password"})
class FeedbackTest {
    static final String WU = "44080000000003";
    static final String CHEN = "44080000000001";
    static final String PASSWORD = "portal-words-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Activation activation;

    ConsoleClient insured(String psnNo) throws Exception {
        activation.activate(psnNo, activation.issue(psnNo).code(), "a password of " + psnNo);
        ConsoleClient b = new ConsoleClient(port);
        assertThat(b.signIn(psnNo, "a password of " + psnNo)).endsWith("/");
        return b;
    }

    ConsoleClient staff(String user) throws Exception {
        ConsoleClient b = new ConsoleClient(port);
        assertThat(b.signIn(user, PASSWORD)).endsWith("/");
        return b;
    }

    int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    long file(ConsoleClient wu, String institution, String body) throws Exception {
        wu.get("/portal/feedback/new");
        HttpResponse<String> r = wu.post("/portal/feedback", Map.of("institution", institution, "category", "charges", "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String at = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(at.replaceAll(".*/portal/feedback/(\\d+).*", "$1"));
    }

    HttpResponse<String> move(ConsoleClient b, long id, String status, String note) throws Exception {
        b.get("/console/feedback/" + id);
        return b.post("/console/feedback/" + id + "/status", Map.of("status", status, "note", note));
    }

    @Test
    void aComplaintIsFiledWorkedAndAnswered() throws Exception {
        ConsoleClient wu = insured(WU);
        String form = wu.get("/portal/feedback/new").body();
        assertThat(form).as("where Wu was treated").contains("Zhanjiang Central People", "服务态度", "收费问题");
        assertThat(wu.get("/portal/feedback/new?q=xiashan").body()).as("found by name").contains("Xiashan District People");

        // refusals beside their fields, what was typed kept, nothing written
        int before = rows("feedback");
        String noText = wu.post("/portal/feedback", Map.of("institution", "H44080000001", "category", "charges", "body", " hi ")).body();
        assertThat(noText).contains("具体情况：请写 5 至 1000 个字", "aria-invalid=\"true\"", "aria-describedby=\"err-body\"");
        String noPlace = wu.post("/portal/feedback", Map.of("institution", "NOSUCH", "category", "charges",
                "body", "the cashier charged twice")).body();
        assertThat(noPlace).contains("医药机构：请选择一家医药机构。", "the cashier charged twice");
        wu.get("/portal/feedback/new?lang=en");
        assertThat(wu.post("/portal/feedback", Map.of("institution", "H44080000001", "category", "gossip",
                "body", "the cashier charged twice")).body()).contains("About: choose a category from the list.");
        assertThat(wu.post("/portal/feedback", Map.of("institution", "H44080000001", "category", "charges",
                "body", "x".repeat(1001))).statusCode()).isEqualTo(200);
        assertThat(rows("feedback")).isEqualTo(before);
        wu.get("/portal/feedback?lang=zh_CN");

        long id = file(wu, "H44080000001", "收费处重复收取了检查费 200 元。");
        String mine = wu.get("/portal/feedback/" + id + "?filed").body();
        assertThat(mine).contains("已收到，经办机构会尽快处理。", "收费处重复收取了检查费 200 元。", "Zhanjiang Central People");

        // someone else's is not found; their own list does not show it
        ConsoleClient chen = insured(CHEN);
        assertThat(chen.get("/portal/feedback/" + id).statusCode()).isEqualTo(404);
        assertThat(chen.get("/portal/feedback").body()).doesNotContain("Zhanjiang Central People");
        assertThat(chen.get("/console/feedback/" + id).statusCode()).isEqualTo(403);

        // the institution's clerk reads it without the complainant and cannot change it
        ConsoleClient clerk = staff("clerk");
        String about = clerk.get("/institution/feedback").body();
        assertThat(about).contains("收费处重复收取了检查费 200 元。").doesNotContain("Wu Resident", WU);
        assertThat(clerk.get("/console/feedback/" + id).statusCode()).isEqualTo(403);
        assertThat(clerk.post("/console/feedback/" + id + "/status", Map.of("status", "in_progress", "note", "x")).statusCode())
                .isEqualTo(403);

        // the auditor reads it masked and cannot change it
        ConsoleClient auditor = staff("auditor");
        String audited = auditor.get("/console/feedback/" + id).body();
        assertThat(audited).contains("收费处重复收取了检查费 200 元。").doesNotContain("Wu Resident").doesNotContain("feedback/" + id + "/status");
        assertThat(auditor.post("/console/feedback/" + id + "/status", Map.of("status", "in_progress", "note", "x")).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT status FROM feedback WHERE id = ?", String.class, id)).isEqualTo("received");

        // the agency: a step the workflow does not allow is refused, nothing changed; a step without a note too
        ConsoleClient agency = staff("agency");
        assertThat(agency.get("/console/feedback?status=received").body()).contains("/console/feedback/" + id);
        assertThat(agency.get("/console/feedback/" + id).body()).contains("Wu Resident");
        HttpResponse<String> skip = move(agency, id, "answered", "too early");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(skip.body()).contains("新状态：当前状态不能改为所选状态。");
        assertThat(move(agency, id, "in_progress", "  ").body()).contains("说明：请写明处理情况或理由");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feedback_change WHERE feedback_id = ?", Integer.class, id))
                .as("nothing half-written").isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM feedback WHERE id = ?", String.class, id)).isEqualTo("received");

        assertThat(move(agency, id, "in_progress", "已联系医院核实").statusCode()).isEqualTo(302);
        assertThat(move(agency, id, "answered", "经核实，医院已退还多收的 200 元。").statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForList("SELECT to_status FROM feedback_change WHERE feedback_id = ? ORDER BY id", String.class, id))
                .containsExactly("in_progress", "answered");
        assertThat(jdbc.queryForList("SELECT operator FROM feedback_change WHERE feedback_id = ?", String.class, id))
                .containsOnly("agency");
        assertThat(jdbc.queryForList("SELECT outcome FROM operator_audit WHERE action = 'feedback_status' AND subject = ?",
                String.class, "feedback " + id)).contains("received -> in_progress", "in_progress -> answered")
                .anyMatch(o -> o.startsWith("refused"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE action = 'feedback_viewed' AND subject = ?",
                Integer.class, WU)).as("the agency's unmasked views, not the auditor's").isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operator_audit WHERE action = 'feedback_filed' AND subject = ?",
                Integer.class, "feedback " + id)).isEqualTo(1);

        // the insured reads the answer, in their language
        String answered = wu.get("/portal/feedback/" + id).body();
        assertThat(answered).contains("已答复", "经核实，医院已退还多收的 200 元。");
        assertThat(wu.get("/portal/feedback/" + id + "?lang=en").body()).contains("answered", "Answer");

        assertThat(move(agency, id, "closed", "办结").statusCode()).isEqualTo(302);
        assertThat(move(agency, id, "rejected", "too late").statusCode()).as("closed is final").isEqualTo(409);
    }

    @Test
    void aComplaintRejectedWithItsReason() throws Exception {
        ConsoleClient wu = insured(WU);
        long id = file(wu, "H44080000002", "The doctor did not look at me at all.");
        ConsoleClient admin = staff("admin");
        assertThat(move(admin, id, "rejected", "Not about an insured service: please write to the hospital.").statusCode())
                .isEqualTo(302);
        assertThat(wu.get("/portal/feedback/" + id + "?lang=en").body())
                .contains("rejected", "Why it was rejected", "Not about an insured service: please write to the hospital.");
        assertThat(staff("clerk").get("/institution/feedback").body()).as("another institution's")
                .doesNotContain("The doctor did not look at me at all.");
    }
}
