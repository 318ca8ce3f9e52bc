package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.demo.DemoRegion;
import org.openyibao.platform.fsi.FsiFlows;
import org.openyibao.platform.fsi.FsiTestClient;

/**
 * Case-based payment in a real browser (issue 14): the demo hospital settles two inpatient stays of 2026 over the
 * national interface (Zhanjiang pays them by DIP); one stays 65 days and goes to special review. The agency, in English,
 * finds the case in the queue, reads its grouping and payment steps and approves it at 150 points; the hospital's
 * agency then previews the DIP year-end with a residents' budget; the clerk, on a 375-px phone, sees its own cases and
 * their explanation; the auditor is offered no decision. No console
 * error. Screenshots {@code case-payment-en.png} and {@code case-payment-clerk-phone-zh.png} in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:casepay-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.fsi.key=casepay-browser-test-key",
        "yibao.fsi.cache-seconds=0",
        "yibao.demo.password=casepay-browser-password"})
class CasePaymentBrowserTest {
    static final String PASSWORD = "casepay-browser-password";
    static List<String> stays;

    @LocalServerPort
    int port;
    @Autowired
    DemoRegion demo;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    @BeforeEach
    void stays() {
        synchronized (CasePaymentBrowserTest.class) {
            if (stays != null) return;
            var k = demo.credentials();
            FsiTestClient c = new FsiTestClient(port, k.fixmedinsCode()).xTif(k.paasid(), k.secret()).signIn();
            FsiFlows.Caller caller = (infno, input) -> {
                String msgid = k.fixmedinsCode() + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 18);
                FsiTestClient.Reply r = c.call(infno, msgid, input);
                assertThat(r.infcode()).as(infno + " " + r.text()).isZero();
                return new FsiFlows.Answer(msgid, r.text(), r.json());
            };
            FsiFlows.Person p = new FsiFlows.Person(InstitutionActivity.RESIDENT, InstitutionActivity.RESIDENT_CERT, "390");
            List<FsiFlows.Line> lines = List.of(new FsiFlows.Line("F006", "10", "600.00"));
            // an AMI stay (I21.9 at admission): DIP I21-03; the second with a 65-day stay, sent to special review
            String shortStay = FsiFlows.inpatient(caller, p, LocalDate.of(2026, 3, 2), "IP-B1", lines).mdtrtId();
            String longStay = longStay(caller, p);
            stays = List.of(shortStay, longStay);
        }
    }

    /** Admitted on 2026-04-01, discharged on 2026-06-05 (FsiFlows' stays last one day). */
    private static String longStay(FsiFlows.Caller c, FsiFlows.Person p) {
        var adm = FsiFlows.F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", p.psnNo()).put("insutype", "390").put("begntime", "2026-04-01 08:00:00")
                .put("med_type", "21").put("ipt_no", "IP-B2");
        adm.putArray("diseinfo").addObject().put("maindiag_flag", "1").put("diag_srt_no", "1").put("diag_code", "I21.9");
        String mdtrtId = c.call("2401", adm).output().at("/result/mdtrt_id").asText();
        var fees = FsiFlows.F.objectNode();
        fees.set("feedetail", FsiFlows.fees(mdtrtId, p.psnNo(), LocalDate.of(2026, 4, 1), null,
                List.of(new FsiFlows.Line("F006", "10", "600.00"))));
        c.call("2301", fees);
        var dscg = FsiFlows.F.objectNode();
        dscg.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", p.psnNo()).put("endtime", "2026-06-05 10:00:00");
        c.call("2402", dscg);
        c.call("2304", FsiFlows.data("psn_no", p.psnNo(), "mdtrt_cert_type", "02", "mdtrt_cert_no", p.certNo(),
                "medfee_sumamt", "6000.00", "psn_setlway", "01", "mdtrt_id", mdtrtId, "insutype", "390"));
        return mdtrtId;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theAgencyReadsTheQueueAndApprovesASpecialCase() throws Exception {
        WebDriver d = Browser.open(1280, 900);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/case-payment?admdvs=440800&year=2026&lang=en"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Case-based payment (DRG/DIP)");
            assertThat(d.findElement(By.id("queue")).getText()).contains(stays.get(1), "I21-03", "110.00 points");
            assertThat(d.findElement(By.id("cases")).getText()).contains(stays.get(0), "standard");
            assertThat(d.findElement(By.id("indicators")).getText()).contains(DemoRegion.HOSPITAL);
            Browser.noConsoleErrors(d);

            d.findElement(By.cssSelector("#queue a")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("decide")));
            assertThat(d.findElement(By.id("grouping")).getText()).contains("I21-03");
            assertThat(d.findElement(By.id("paying")).getText()).contains("special review");
            d.findElement(By.id("reviewed")).sendKeys("150");
            d.findElement(By.id("reason")).sendKeys("complications documented");
            d.findElement(By.cssSelector("#decide button.accept")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("changed")));
            assertThat(d.findElement(By.id("review-status")).getText()).isEqualTo("approved");
            assertThat(d.findElement(By.id("payment")).getText()).isEqualTo("150.00 points");
            assertThat(d.findElement(By.id("events")).getText()).contains("review approved", "complications documented");
            assertThat(d.findElements(By.id("decide"))).as("decided: no more decision offered").isEmpty();
            Browser.noConsoleErrors(d);
            Browser.shot(d, "case-payment-en");

            // the year-end as it would be: the residents' DIP budget typed in, the hospital's points valued
            d.get(url("/console/case-payment?admdvs=440800&year=2026&lang=en"));
            d.findElement(By.id("dip_budget_resident")).sendKeys("20000.00");
            d.findElement(By.cssSelector("#year-end-form button")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("year-end")));
            assertThat(d.findElement(By.id("year-end")).getText()).contains(DemoRegion.HOSPITAL, "DIP (resident)");
            assertThat(d.findElement(By.id("year-end-steps")).getText()).contains("point value (resident)", "20000.00");
            Browser.noConsoleErrors(d);
        } finally {
            d.quit();
        }
        assertThat(jdbc.queryForObject("SELECT points_ppm FROM discharged_case WHERE mdtrt_id = ?", Long.class, stays.get(1)))
                .isEqualTo(150_000_000L);
    }

    @Test
    void theClerkSeesTheHospitalsOwnCasesOnAPhoneAndTheAuditorCannotDecide() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "clerk", PASSWORD);
            d.get(url("/institution/case-payment"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("本院病例分组与支付");
            assertThat(d.findElement(By.id("cases")).getText()).contains(stays.get(0), stays.get(1));
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            d.findElement(By.xpath("//a[text()='" + stays.get(0) + "']")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("grouping")));
            assertThat(d.findElement(By.id("group-code")).getText()).startsWith("I21-03");
            Browser.assertFitsThePhone(d);
            Browser.shot(d, "case-payment-clerk-phone-zh");
            // the agency's pages are not the clerk's
            d.get(url("/console/case-payment"));
            assertThat(d.findElements(By.id("queue"))).isEmpty();
        } finally {
            d.quit();
        }
        WebDriver a = Browser.open(1280, 900);
        try {
            Browser.signIn(a, url(""), "auditor", PASSWORD);
            a.get(url("/console/case-payment/cases/" + stays.get(0) + "?admdvs=440800"));
            assertThat(a.findElement(By.id("grouping")).getText()).contains("I21-03");
            assertThat(a.findElements(By.id("decide"))).isEmpty();
        } finally {
            a.quit();
        }
    }
}
