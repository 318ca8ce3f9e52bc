package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (issue 11): Debian's chromium, headless, driven through its chromedriver (never a
 * browser a tool downloads). Each role signs in with the keyboard and does its main task here, and what it must not
 * see or do is checked: the agency's funds drawn as charts beside their tables, a person found with htmx and opened;
 * the auditor sees the same person masked; the institution's clerk is refused the agency's pages. The pages load with
 * no console error (a script or style the Content-Security-Policy blocked would be one) and fit a 375-px phone.
 * Screenshots of the main pages are written to {@code target/screenshots/} (docs/console.md shows them).
 *
 * <p>{@link Browser} opens the browser; without chromium the test is skipped, or fails under CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=browser-test-password"})
class ConsoleBrowserTest {
    static final String PASSWORD = "browser-test-password";

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.openyibao.platform.security.Activation activation;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    static WebDriver open(int width, int height) {
        return Browser.open(width, height);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static WebDriverWait waitFor(WebDriver d) {
        return Browser.waitFor(d);
    }

    void signIn(WebDriver d, String user) {
        Browser.signIn(d, url(""), user, PASSWORD);
    }

    static void shot(WebDriver d, String name) throws Exception {
        Browser.shot(d, name);
    }

    static void noConsoleErrors(WebDriver d) {
        Browser.noConsoleErrors(d);
    }

    @Test
    void agencyStaffSeeTheFundsAsChartsAndFindAPerson() throws Exception {
        WebDriver d = open(1280, 1000);
        try {
            signIn(d, "agency");
            assertThat(d.getCurrentUrl()).endsWith("/console");
            waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("基金概览");
            assertThat(d.findElements(By.cssSelector(".chart canvas")).size()).as("a chart per fund").isGreaterThanOrEqualTo(3);
            assertThat(d.findElement(By.id("table-pooling")).getText()).contains("2018-12");
            noConsoleErrors(d);
            shot(d, "dashboard-zh");

            d.findElement(By.linkText("English")).click();
            waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h1"), "Funds"));
            waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
            shot(d, "dashboard-en");

            d.get(url("/console/persons"));
            WebElement q = d.findElement(By.id("q"));
            q.sendKeys("Chen", Keys.ENTER);
            WebElement link = waitFor(d).until(ExpectedConditions.elementToBeClickable(By.linkText("44080000000001")));
            assertThat(d.getCurrentUrl()).as("htmx swapped the results in: no new page").endsWith("/console/persons");
            assertThat(d.findElement(By.id("results")).getText()).contains("Chen Employee", "44080219800115001");
            shot(d, "persons-en");
            link.click();
            waitFor(d).until(ExpectedConditions.urlContains("/console/persons/44080000000001"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("Chen Employee", "Settlements");
            noConsoleErrors(d);
            shot(d, "person-en");

            d.get(url("/console/persons/44080000000003?lang=zh_CN"));
            d.findElement(By.cssSelector("a[href^='/console/settlements/']")).click();
            waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "结算单"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("基本医疗保险统筹基金支出", "计算过程");
            noConsoleErrors(d);
            shot(d, "slip-zh");
        } finally {
            d.quit();
        }
    }

    @Test
    void theAuditorSeesPersonsMaskedAndTheClerkIsRefusedTheAgencysPages() throws Exception {
        WebDriver d = open(1280, 900);
        try {
            signIn(d, "auditor");
            d.get(url("/console/persons"));
            d.findElement(By.id("q")).sendKeys("44080000000001", Keys.ENTER);
            waitFor(d).until(ExpectedConditions.elementToBeClickable(By.linkText("44080000000001")));
            String results = d.findElement(By.id("results")).getText();
            assertThat(results).contains("440802********").doesNotContain("44080219800115001").doesNotContain("Chen Employee");
        } finally {
            d.quit();
        }
        WebDriver clerk = open(1280, 900);
        try {
            signIn(clerk, "clerk");
            clerk.get(url("/console/persons/44080000000001"));
            assertThat(clerk.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            assertThat(clerk.getPageSource()).doesNotContain("Chen Employee");
        } finally {
            clerk.quit();
        }
    }

    @Test
    void anInsuredPersonActivatesAndUsesThePortalOnAPhone() throws Exception {
        String code = activation.issue("44080000000003").code();
        WebDriver d = open(375, 812);
        try {
            d.get(url("/login"));
            d.findElement(By.cssSelector("a[href='/portal/activate']")).click();
            waitFor(d).until(ExpectedConditions.urlContains("/portal/activate"));
            d.switchTo().activeElement().sendKeys("44080000000003", Keys.TAB);
            d.switchTo().activeElement().sendKeys(code, Keys.TAB);
            d.switchTo().activeElement().sendKeys("phone password", Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/login?activated"));
            d.findElement(By.id("username")).sendKeys("44080000000003", Keys.TAB);
            d.switchTo().activeElement().sendKeys("phone password", Keys.ENTER);
            waitFor(d).until(ExpectedConditions.urlContains("/portal"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("我的医保");
            assertFitsThePhone(d);
            noConsoleErrors(d);
            shot(d, "portal-phone-zh");
            d.findElement(By.cssSelector("a[href^='/portal/settlements/']")).click();
            waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h1"), "我的结算"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("基本医疗保险统筹基金支出", "49750.00");
            assertFitsThePhone(d);
            shot(d, "portal-settlement-phone-zh");
            d.get(url("/portal/estimate"));
            d.findElement(By.id("cost")).sendKeys("30000", Keys.ENTER);
            waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "测算结果"));
            assertFitsThePhone(d);
            noConsoleErrors(d);
            shot(d, "portal-estimate-phone-zh");
        } finally {
            d.quit();
        }
    }

    static void assertFitsThePhone(WebDriver d) {
        Browser.assertFitsThePhone(d);
    }

    @Test
    void thePagesFitAPhone() throws Exception {
        WebDriver d = open(375, 812);
        try {
            signIn(d, "agency");
            waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
            long width = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
            assertThat(width).as("no sideways scrolling of the page at 375 px (wide tables scroll in their own box)").isLessThanOrEqualTo(375);
            shot(d, "dashboard-phone-zh");
        } finally {
            d.quit();
        }
    }
}
