package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.demo.DemoRegion;
import org.openyibao.platform.fsi.FsiTestClient;

/**
 * The institution pages over real HTTP on the demo's data (issue 11), after the demo hospital has settled, registered,
 * reconciled (3201, 3202) and applied for clearing (3203) through the national interface: the clerk sees each of
 * these for their own institution and another institution's settlement is "not found"; the agency finds institutions
 * and opens each one's records; a credential issued shows its secrets once, works, is refused once disabled, and every
 * change is in the audit log; the auditor reads but may not see or change credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:institution-pages;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.fsi.key=institution-pages-test-key",
        "yibao.fsi.cache-seconds=0",
        "yibao.demo.password=institution-pages-password"})
class InstitutionPagesTest {
    static final String PASSWORD = "institution-pages-password";
    static final String HOSPITAL = DemoRegion.HOSPITAL;
    static InstitutionActivity.Made made;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoRegion demo;

    @BeforeEach
    void activity() {
        synchronized (InstitutionPagesTest.class) {
            if (made == null) made = InstitutionActivity.run(port, demo.credentials());
        }
    }

    @Test
    void theClerkSeesTheirInstitutionsRecordsAndNothingOfAnothers() throws Exception {
        ConsoleClient clerk = new ConsoleClient(port);
        clerk.signIn("clerk", PASSWORD);
        String settlements = clerk.get("/institution").body();
        assertThat(settlements).contains("Zhanjiang Central People", made.setlId(), "/institution/visits");
        assertThat(clerk.get("/institution/visits").body()).contains(made.openVisit(), "就诊中", "药店购药");
        String rec = clerk.get("/institution/reconciliations").body();
        assertThat(rec).contains("3201 对总账", "3202 对明细账", "上传 2 笔，其中 1 笔不平", "平");
        assertThat(clerk.get("/institution/clearings").body()).contains(made.clearing(), "已申请");
        assertThat(clerk.get("/institution/cancellations").statusCode()).isEqualTo(200);
        assertThat(clerk.get("/institution/settlements/" + made.setlId()).statusCode()).isEqualTo(200);

        String foreign = jdbc.queryForObject("SELECT setl_id FROM settlement WHERE institution_code = 'H44080000002'"
                + " FETCH FIRST 1 ROWS ONLY", String.class);
        HttpResponse<String> other = clerk.get("/institution/settlements/" + foreign);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(foreign + "</td>");
        assertThat(clerk.get("/institution/credentials").statusCode()).as("no such tab for the clerk").isEqualTo(404);
        assertThat(clerk.get("/console/institutions").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/console/institutions/H44080000002/settlements").statusCode()).isEqualTo(403);
    }

    @Test
    void theAgencyFindsInstitutionsAndOpensTheirRecords() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String all = agency.get("/console/institutions").body();
        assertThat(all).contains("H44080000001", "P44080000001", "Renmin Pharmacy");
        String xiashan = agency.get("/console/institutions?q=xiashan").body();
        assertThat(xiashan).contains("H44080000002").doesNotContain("H44080000003");
        assertThat(agency.get("/console/institutions?q=village").body()).contains("H44080000005").doesNotContain("H44080000004");
        assertThat(agency.get("/console/institutions?q=%25").body()).as("a % is searched for, not a wildcard").contains("没有找到");

        String one = agency.get("/console/institutions/" + HOSPITAL).body();
        assertThat(one).contains("2009-01-01", "至今（未终止）", "三级", "医院", made.setlId(), "/console/settlements/" + made.setlId());
        assertThat(agency.get("/console/institutions/" + HOSPITAL + "/reconciliations?lang=en").body())
                .contains("3201 totals", "in agreement", "2 uploaded, 1 not in agreement");
        assertThat(agency.get("/console/institutions/" + HOSPITAL + "/clearings").body()).contains(made.clearing());
        assertThat(agency.get("/console/institutions/" + HOSPITAL + "/visits").body()).contains(made.openVisit());
        assertThat(agency.get("/console/institutions/H44080000002/settlements").body()).contains("2018-06-20");
        assertThat(agency.get("/console/institutions/NOPE").statusCode()).isEqualTo(404);
        assertThat(agency.get("/console/institutions/" + HOSPITAL + "/nothing").statusCode()).isEqualTo(404);
        assertThat(agency.get("/console/institutions/P44080000001?lang=en").body()).as("a pharmacy's level, not a hospital's")
                .contains("level I", "Pharmacy").doesNotContain("level I hospital");
    }

    @Test
    void aCredentialIsIssuedWithItsSecretShownOnceAndDisabledAndEnabled() throws Exception {
        ConsoleClient agency = new ConsoleClient(port);
        agency.signIn("agency", PASSWORD);
        String page = agency.get("/console/institutions/H44080000003/credentials").body();
        assertThat(page).contains("尚未发放接口凭证");

        HttpResponse<String> bad = agency.post("/console/institutions/H44080000003/credentials/new", Map.of("paasid", "no spaces allowed"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"err-paasid\"", "aria-invalid=\"true\"", "value=\"no spaces allowed\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_credential WHERE fixmedins_code = 'H44080000003'", Integer.class)).isZero();
        String taken = agency.post("/console/institutions/H44080000003/credentials/new", Map.of("paasid", demo.credentials().paasid())).body();
        assertThat(taken).contains("id=\"err-paasid\"", "already in use");

        HttpResponse<String> issued = agency.post("/console/institutions/H44080000003/credentials/new", Map.of("paasid", "potou-pages"));
        assertThat(issued.statusCode()).isEqualTo(302);
        String shown = agency.get("/console/institutions/H44080000003/credentials").body();
        assertThat(shown).contains("只显示这一次", "potou-pages", "issued-secret");
        String secret = shown.replaceAll("(?s).*id=\"issued-secret\">([^<]+)<.*", "$1");
        assertThat(secret).hasSize(32);
        String again = agency.get("/console/institutions/H44080000003/credentials").body();
        assertThat(again).as("the secret is shown once").doesNotContain(secret).doesNotContain("issued-secret").contains("potou-pages");
        long id = jdbc.queryForObject("SELECT id FROM fsi_credential WHERE paasid = 'potou-pages'", Long.class);
        assertThat(jdbc.queryForObject("SELECT secret FROM fsi_credential WHERE id = ?", String.class, id))
                .as("sealed at rest").startsWith("aesgcm:").doesNotContain(secret);

        FsiTestClient potou = new FsiTestClient(port, "H44080000003").xTif("potou-pages", secret);
        assertThat(potou.call("9001", FsiTestClient.json("{\"signIn\":{\"opter_no\":\"1\",\"mac\":\"m\",\"ip\":\"10.0.0.1\"}}")).infcode())
                .isZero();
        agency.post("/console/institutions/H44080000003/credentials/" + id + "/disable", Map.of());
        assertThat(agency.get("/console/institutions/H44080000003/credentials").body()).contains("停用");
        assertThat(jdbc.queryForObject("SELECT enabled FROM fsi_credential WHERE id = ?", Boolean.class, id)).isFalse();
        assertThat(potou.call("9001", FsiTestClient.json("{\"signIn\":{\"opter_no\":\"1\",\"mac\":\"m\",\"ip\":\"10.0.0.1\"}}")).infcode())
                .as("a disabled credential is refused").isNotZero();
        agency.post("/console/institutions/H44080000003/credentials/" + id + "/enable", Map.of());
        assertThat(jdbc.queryForObject("SELECT enabled FROM fsi_credential WHERE id = ?", Boolean.class, id)).isTrue();

        long hospitals = demo.credentials().id();
        assertThat(agency.post("/console/institutions/H44080000003/credentials/" + hospitals + "/disable", Map.of()).statusCode())
                .as("another institution's credential through this one's page").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT enabled FROM fsi_credential WHERE id = ?", Boolean.class, hospitals)).isTrue();
        assertThat(jdbc.queryForList("SELECT action || ' ' || outcome FROM operator_audit WHERE subject = 'H44080000003' ORDER BY id",
                String.class)).containsExactly("credential_issued credential " + id + " paasid potou-pages",
                "credential_disabled credential " + id, "credential_enabled credential " + id);
        assertThat(jdbc.queryForList("SELECT outcome FROM operator_audit", String.class)).noneMatch(o -> o != null && o.contains(secret));
    }

    @Test
    void theAuditorReadsButMayNotSeeOrChangeCredentials() throws Exception {
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        String one = auditor.get("/console/institutions/" + HOSPITAL + "/reconciliations").body();
        assertThat(one).contains("3201 对总账").doesNotContain("/credentials");
        assertThat(auditor.get("/console/institutions/" + HOSPITAL + "/credentials").statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/institutions/" + HOSPITAL + "/credentials/new", Map.of()).statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/institutions/" + HOSPITAL + "/credentials/" + demo.credentials().id() + "/disable",
                Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT enabled FROM fsi_credential WHERE id = ?", Boolean.class, demo.credentials().id())).isTrue();
    }
}
