package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy explorer in a real browser (issue 11), Debian's chromium through {@link Browser}: agency staff open it
 * from the menu, choose a region and a date with the keyboard and see each value with its source and history (the one
 * in force marked); the difference between two dates in English; an overlay pasted with an error shown at its line,
 * then uploaded as a file and shown old → new; the auditor may use it, the institution's clerk may not. No console
 * error, and the pages fit a 375-px phone (wide tables scroll in their own box). Screenshots: policy-zh,
 * policy-diff-en, policy-check-zh (and policy-phone-zh, policy-check-valid-zh).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:policybrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=policy-browser-password"})
class PolicyBrowserTest {
    static final String PASSWORD = "policy-browser-password";

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void setDate(WebDriver d, String id, String value) {
        ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1]", d.findElement(By.id(id)), value);
    }

    @Test
    void agencyStaffExploreAPacksValuesAndTheDifferenceBetweenTwoDates() throws Exception {
        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.findElement(By.linkText("政策参数")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h1"), "某日的政策参数"));
            setDate(d, "date", "2017-12-31");
            d.findElement(By.id("date")).sendKeys(Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("date=2017-12-31"));
            WebElement row = d.findElement(By.id("v-resident.inpatient.ratio.level3"));
            assertThat(row.findElement(By.cssSelector("td.value")).getText()).isEqualTo("45%");
            WebElement now = row.findElement(By.cssSelector("ol.history li.now"));
            assertThat(now.getText()).contains("2009-01-01", "45%", "当日生效");
            assertThat(now.getCssValue("background-color")).as("the value in force is highlighted").isNotEqualTo("rgba(0, 0, 0, 0)");
            assertThat(row.findElements(By.cssSelector("ol.history li"))).hasSize(2);
            Browser.noConsoleErrors(d);
            ((JavascriptExecutor) d).executeScript("document.getElementById('g-resident.inpatient.ratio').scrollIntoView()");
            Browser.shot(d, "policy-zh");

            d.get(url("/console/policy/diff?region=zhanjiang&from=2017-06-01&to=2018-06-01&lang=en"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Difference between two dates");
            WebElement change = d.findElement(By.id("c-resident.inpatient.ratio.level3"));
            assertThat(change.getText()).contains("45%", "50%", "2018-01-01", "Luo 2020, Table 2-6");
            assertThat(d.findElements(By.id("c-resident.inpatient.deductible.level3"))).as("same value, new source").isEmpty();
            Browser.noConsoleErrors(d);
            Browser.shot(d, "policy-diff-en");
        } finally {
            d.quit();
        }
    }

    @Test
    void anOverlayIsCheckedErrorsAtTheirLinesThenAValidOneOldToNew() throws Exception {
        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "auditor", PASSWORD);
            d.get(url("/console/policy/check?lang=zh_CN"));
            WebElement overlay = d.findElement(By.id("overlay"));
            overlay.sendKeys("reform:\n  name: typo\nresident:\n  inpatient:\n    ratio:\n      unit: ratio\n      level3:\n"
                    + "        values:\n          2019-01-01: {value: 55, source: \"REFORM: the analyst meant 0.55\"}\n");
            d.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
            WebElement problems = d.findElement(By.id("problems"));
            assertThat(problems.findElement(By.cssSelector("ol.problems li")).getText())
                    .contains("第 9 行", "resident.inpatient.ratio.level3", "ratio 55 outside [0,1]", "2019-01-01: {value: 55");
            assertThat(d.findElement(By.cssSelector("#L9 mark")).getText()).contains("{value: 55, source: \"REFORM: the analyst meant 0.55\"}");
            assertThat(d.findElement(By.id("overlay")).getAttribute("value")).as("kept for the correction").contains("meant 0.55");
            Browser.noConsoleErrors(d);
            ((JavascriptExecutor) d).executeScript("document.getElementById('problems').scrollIntoView()");
            Browser.shot(d, "policy-check-zh");

            d.get(url("/console/policy/check"));
            setDate(d, "date", "2020-06-01");
            Path reform = Path.of(System.getProperty("yibao.policies", "../policies"), "zhanjiang/reforms/si-threshold-15000.yaml");
            d.findElement(By.id("file")).sendKeys(reform.toAbsolutePath().normalize().toString());
            d.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
            assertThat(d.findElement(By.id("result-title")).getText()).isEqualTo("方案有效：si-threshold-15000");
            assertThat(d.findElement(By.id("c-serious_illness.bands.general.brackets[0].threshold")).getText())
                    .contains("20,000.00 元", "15,000.00 元", "2019-01-01");
            Browser.noConsoleErrors(d);
            ((JavascriptExecutor) d).executeScript("document.getElementById('result').scrollIntoView()");
            Browser.shot(d, "policy-check-valid-zh");
        } finally {
            d.quit();
        }
    }

    @Test
    void theExplorerFitsAPhoneAndTheClerkIsRefusedIt() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/policy?region=zhanjiang&date=2018-06-01&lang=zh_CN"));
            assertThat(d.findElement(By.id("v-serious_illness.bands.general.brackets[0].threshold")).getText()).contains("20,000.00 元");
            Browser.assertFitsThePhone(d);
            Browser.shot(d, "policy-phone-zh");
            d.get(url("/console/policy/diff?region=zhanjiang&from=2017-06-01&to=2018-06-01"));
            Browser.assertFitsThePhone(d);
            d.get(url("/console/policy/check"));
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
        } finally {
            d.quit();
        }
        WebDriver clerk = Browser.open(1280, 900);
        try {
            Browser.signIn(clerk, url(""), "clerk", PASSWORD);
            assertThat(clerk.findElements(By.linkText("政策参数"))).as("no menu link").isEmpty();
            clerk.get(url("/console/policy"));
            assertThat(clerk.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            assertThat(clerk.getPageSource()).doesNotContain("resident.inpatient");
        } finally {
            clerk.quit();
        }
    }
}
