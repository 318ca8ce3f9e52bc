package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insurer's audit in a real browser on the demo's data (issue 13): on a 375-px phone, the insurer opens the
 * queue, a case, and adjusts it with a reason; records a bedside check on a current inpatient; the clerk is refused
 * the insurer's pages. No console error on any page. Screenshots {@code insurer-case-phone-zh.png} and
 * {@code insurer-bedside-en.png} are written to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:insurer-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=insurer-browser-password"})
class InsurerBrowserTest {
    static final String PASSWORD = "insurer-browser-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theInsurerGoesFromTheQueueToACaseAndAdjustsItOnAPhone() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "insurer", PASSWORD);
            d.get(url("/insurer"));
            d.findElement(By.cssSelector("nav.subnav a[href='/insurer/cases']")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("table-cases")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("大病案件审核");
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);

            d.findElement(By.cssSelector("#table-cases tbody a")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
            long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/insurer/cases/(\\d+).*", "$1"));
            long amount = jdbc.queryForObject("SELECT amount_fen FROM si_case WHERE id = ?", Long.class, id);
            String down = java.math.BigDecimal.valueOf(amount / 2, 2).toPlainString();
            Browser.assertFitsThePhone(d);

            d.findElement(By.cssSelector("#decision-form input[value='adjust']")).click();
            d.findElement(By.id("new_amount")).sendKeys(down);
            new Select(d.findElement(By.id("reason_code"))).selectByValue("unnecessary_stay");
            d.findElement(By.id("note")).sendKeys("住院天数过长");
            d.findElement(By.cssSelector("#decision-form button[type='submit']")).click();
            Browser.waitFor(d).until(ExpectedConditions.urlContains("?decided"));
            assertThat(d.findElement(By.id("case-status")).getText()).isEqualTo("已调整");
            assertThat(d.findElement(By.tagName("main")).getText()).contains("unnecessary_stay", "住院天数过长");
            assertThat(d.findElements(By.id("decision-form"))).as("decided once: no form").isEmpty();
            assertThat(jdbc.queryForObject("SELECT amount_fen FROM si_case WHERE id = ?", Long.class, id)).isEqualTo(amount / 2);
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "insurer-case-phone-zh");
        } finally {
            d.quit();
        }
    }

    @Test
    void theStationedInsurerRecordsABedsideCheck() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "insurer", PASSWORD);
            d.get(url("/insurer/bedside?lang=en"));
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("table-inpatients")));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("W**********").doesNotContain("Wu Resident");
            Browser.assertFitsThePhone(d);
            var row = d.findElement(By.cssSelector("#table-inpatients tbody tr"));
            new Select(row.findElement(By.name("outcome"))).selectByValue("identity_mismatch");
            row.findElement(By.name("note")).sendKeys("the patient in bed 7 is not the insured");
            row.findElement(By.cssSelector("button[type='submit']")).click();
            Browser.waitFor(d).until(ExpectedConditions.urlContains("recorded"));
            assertThat(d.findElement(By.id("table-checks")).getText()).contains("not the insured person",
                    "the patient in bed 7 is not the insured");
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "insurer-bedside-en");
        } finally {
            d.quit();
        }
    }

    @Test
    void theClerkCannotOpenTheInsurersPages() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "clerk", PASSWORD);
            d.get(url("/insurer/cases"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            assertThat(d.findElements(By.id("table-cases"))).isEmpty();
        } finally {
            d.quit();
        }
    }
}
