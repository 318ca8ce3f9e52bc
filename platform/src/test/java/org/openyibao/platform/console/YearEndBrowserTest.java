package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.hospital.ClearingDecisions;
import org.openyibao.platform.hospital.PaymentRuns;
import org.openyibao.platform.insurer.SeriousIllnessCases;

/**
 * The agency's year-end page in a real browser (issue 13): the auditor reads the demo's 2018 as it would close, with
 * what is left (open cases, clearing not done) and no close form; agency staff cannot close it while work is left; once
 * the year's work is done through the services, they close it from the page with the insurer's administration cost, and the
 * page then says closed and links the report, which names the inputs; the insurer's year-end page shows the settled
 * year; a year not over says so; the page fits a
 * 375-px phone; no console error. Screenshots: year-end-zh, year-end-closed-en, year-end-phone-zh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:yearendbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=year-end-browser-password"})
class YearEndBrowserTest {
    static final String PASSWORD = "year-end-browser-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SeriousIllnessCases cases;
    @Autowired
    ClearingDecisions clearing;
    @Autowired
    PaymentRuns runs;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    /** The year's work through the services: the insurer approves its open cases; the agency clears and pays. */
    void finishTheYear() {
        for (String line : cases.unfinished("440800", 2018)) {
            long id = Long.parseLong(line.substring("case ".length(), line.indexOf(' ', "case ".length())));
            cases.decide("440800", id, new SeriousIllnessCases.DecisionRequest("approve", null, "verified", null), "insurer");
        }
        for (String id : clearing.fileOutsideInterface("440800", 2018)) clearing.accept("440800", id, "agency");
        runs.create("440800", "R2019-01", java.time.LocalDate.of(2019, 1, 15), "agency");
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theAuditorReadsTheYearAndAgencyStaffCloseItFromThePage() throws Exception {
        WebDriver auditor = Browser.open(1280, 1000);
        try {
            Browser.signIn(auditor, url(""), "auditor", PASSWORD);
            auditor.get(url("/console/year-end?admdvs=440800&year=2018"));
            assertThat(auditor.findElement(By.id("left")).getText()).contains("serious-illness cases not decided",
                    "not covered by a clearing application");
            assertThat(auditor.findElement(By.tagName("main")).getText()).contains("insurer: contract", "regulator",
                    "premium from contributions", "loss ratio");
            assertThat(auditor.findElements(By.id("close-form"))).as("the auditor cannot close").isEmpty();
            Browser.noConsoleErrors(auditor);
            Browser.shot(auditor, "year-end-zh");
        } finally {
            auditor.quit();
        }

        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/year-end?admdvs=440800&year=2018&lang=en"));
            assertThat(d.findElement(By.cssSelector("#close-form button[type=submit]")).isEnabled())
                    .as("nothing is closed while work is left").isFalse();
            finishTheYear();
            d.get(url("/console/year-end?admdvs=440800&year=2018&lang=en"));
            assertThat(d.findElement(By.id("nothing-left")).getText()).contains("Nothing is left");
            d.findElement(By.id("insurer_admin_cost")).sendKeys("120.00");
            d.findElement(By.cssSelector("#close-form button[type=submit]")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("closed")));
            assertThat(d.findElement(By.id("closed")).getText()).startsWith("Closed on").contains("closing entry");
            assertThat(d.findElements(By.id("close-form"))).isEmpty();
            assertThat(jdbc.queryForObject("SELECT insurer_admin_cost_fen FROM year_close WHERE admdvs = '440800'"
                    + " AND fiscal_year = 2018", Long.class)).isEqualTo(12_000);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "year-end-closed-en");
            d.findElement(By.linkText("Report (HTML)")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(d.findElement(By.tagName("body")).getText()).contains("Year-end 2018",
                    "insurer's administration cost 120.00", "ledger close");

            d.get(url("/console/year-end?admdvs=440800&year=9000"));
            assertThat(d.findElement(By.id("not-over")).getText()).isEqualTo("9000 is not over; only a past year can be closed.");
        } finally {
            d.quit();
        }

        WebDriver insurer = Browser.open(1280, 1000);
        try {
            Browser.signIn(insurer, url(""), "insurer", PASSWORD);
            insurer.get(url("/insurer/year-end?year=2018&lang=en"));
            assertThat(insurer.findElement(By.id("closed-year")).getText()).contains("Closed on", "the settled year-end",
                    "Loss ratio", "Beneficiaries");
            Browser.noConsoleErrors(insurer);
        } finally {
            insurer.quit();
        }

        WebDriver phone = Browser.open(375, 812);
        try {
            Browser.signIn(phone, url(""), "agency", PASSWORD);
            phone.get(url("/console/year-end?admdvs=440800&year=2018&lang=zh_CN"));
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "year-end-phone-zh");
        } finally {
            phone.quit();
        }
    }
}
