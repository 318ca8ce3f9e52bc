package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.openyibao.platform.demo.DemoRegion;

/**
 * Paying hospitals in a real browser (issue 13), on the demo region after the demo hospital applied for clearing
 * through the national interface ({@link InstitutionActivity}): the agency, in English, makes 2019's budgets from
 * 2018's spending, prepays January, accepts the clearing application, creates a payment run and downloads its file;
 * the auditor, on a 375-px phone, reads the pages, is offered no change and is refused one (403). No console error.
 * Screenshots {@code hospital-run-en.png} and {@code hospital-budgets-phone-zh.png} in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hospital-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.fsi.key=hospital-browser-test-key",
        "yibao.fsi.cache-seconds=0",
        "yibao.demo.password=hospital-browser-password"})
class HospitalPaymentBrowserTest {
    static final String PASSWORD = "hospital-browser-password";
    static InstitutionActivity.Made made;

    @LocalServerPort
    int port;
    @Autowired
    DemoRegion demo;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    @BeforeEach
    void activity() {
        synchronized (HospitalPaymentBrowserTest.class) {
            if (made == null) made = InstitutionActivity.run(port, demo.credentials());
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theAgencyBudgetsPrepaysAcceptsPaysAndDownloadsThePaymentFile() throws Exception {
        WebDriver d = Browser.open(1280, 900);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/hospital/budgets?admdvs=440800&year=2019&lang=en"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("Budgets");
            d.findElement(By.id("compute")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("budgets")));
            assertThat(d.findElement(By.id("budgets")).getText()).contains(DemoRegion.HOSPITAL, "last year's spending");
            Browser.noConsoleErrors(d);

            d.findElement(By.cssSelector(".inst-tabs a[href*='/console/hospital/prepayments']")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h2"), "Prepayments"));
            new Select(d.findElement(By.id("month"))).selectByValue("1");
            d.findElement(By.cssSelector("#prepay button")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("prepayments")));
            assertThat(d.findElement(By.id("prepayments")).getText()).contains("2019-01", DemoRegion.HOSPITAL);

            d.get(url("/console/hospital/clearing?admdvs=440800&status=undecided"));
            WebElement row = d.findElement(By.xpath("//tr[th[text()='" + made.clearing() + "']]"));
            row.findElement(By.cssSelector("button.accept")).click();
            Browser.waitFor(d).until(ExpectedConditions.urlContains("changed=accepted"));
            d.get(url("/console/hospital/clearing?admdvs=440800&status=accepted"));
            assertThat(d.findElement(By.id("applications")).getText()).contains(made.clearing(), "accepted");

            d.get(url("/console/hospital/runs?admdvs=440800"));
            d.findElement(By.id("run_id")).sendKeys("RUN-BROWSER-1");
            d.findElement(By.cssSelector("#create-run button")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("run-id")));
            assertThat(d.findElement(By.id("run-id")).getText()).isEqualTo("RUN-BROWSER-1");
            String href = d.findElement(By.id("download")).getAttribute("href");
            String file = (String) ((JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
            assertThat(file).startsWith("run_id,institution_code,institution_name,fund,amount,reference\n")
                    .contains("RUN-BROWSER-1,TOTAL,,,");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "hospital-run-en");
            // the demo's pharmacy purchase may be paid by the person alone: the application is paid by the run either way
            d.get(url("/console/hospital/clearing?admdvs=440800&status=paid"));
            assertThat(d.findElement(By.id("applications")).getText()).contains(made.clearing(), "RUN-BROWSER-1");

            // the institution's own pages show its budget and the application's status
            d.get(url("/console/institutions/" + DemoRegion.HOSPITAL + "/budgets?lang=en"));
            assertThat(d.findElement(By.id("budget-years")).getText()).contains("2019", "last year's spending");
            d.get(url("/console/institutions/" + DemoRegion.HOSPITAL + "/clearings"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains(made.clearing(), "paid");
            Browser.noConsoleErrors(d);
        } finally {
            d.quit();
        }
    }

    @Test
    void theAuditorReadsOnAPhoneAndCannotChange() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "auditor", PASSWORD);
            d.get(url("/console/hospital/budgets?admdvs=440800&year=2019"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("总额预算");
            assertThat(d.findElements(By.id("compute"))).as("no change offered").isEmpty();
            assertThat(d.findElements(By.id("set-by-hand"))).isEmpty();
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "hospital-budgets-phone-zh");

            d.get(url("/console/hospital/clearing?admdvs=440800"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("清算申请");
            assertThat(d.findElements(By.cssSelector("button.accept"))).isEmpty();
            Browser.assertFitsThePhone(d);
            d.get(url("/console/hospital/runs?admdvs=440800"));
            assertThat(d.findElements(By.id("create-run"))).isEmpty();
            Browser.assertFitsThePhone(d);
            d.get(url("/console/hospital/year-end?admdvs=440800&year=2019"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("年终清算");
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);

            Object status = ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " const token = document.querySelector('meta[name=_csrf]'); const header = document.querySelector('meta[name=_csrf_header]');"
                    + " const h = {'Content-Type': 'application/x-www-form-urlencoded'}; if (token) h[header.content] = token.content;"
                    + " fetch('/console/hospital/runs/create', {method: 'POST', headers: h, body: 'admdvs=440800&run_id=AUDITOR-1',"
                    + " redirect: 'manual'}).then(r => done(r.status));");
            assertThat(((Number) status).intValue()).as("the auditor's change is refused").isEqualTo(403);
        } finally {
            d.quit();
        }
    }
}
