package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The agency's dashboard and the insurer's pages in a real browser (issue 11), through {@link Browser}: the agency's
 * reserve bands, settlement mix with its charts, today's interface calls and the ledger check run with the keyboard;
 * the insurer landing on its serious-illness tier, persons masked, a case's slip, and refused the agency's pages; no
 * console error; both fit a 375-px phone. Screenshots: dashboard-full-zh, dashboard-panels-en, dashboard-panels-phone-zh,
 * insurer-zh, insurer-phone-zh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboardbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=dashboard-browser-password"})
class DashboardBrowserTest {
    static final String PASSWORD = "dashboard-browser-password";

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void agencyStaffReadEveryPanelAndRunTheLedgerCheck() throws Exception {
        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console?year=2018"));
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-for='table-mix-top'] canvas")));
            assertThat(d.findElement(By.id("table-reserve")).getText()).contains("统筹基金", "-11.4", "风险预警");
            assertThat(d.findElement(By.id("table-mix-level")).getText()).contains("三级医院", "167,400.00");
            assertThat(d.findElement(By.id("calls")).getText()).contains("今日国家接口调用");
            assertThat(d.findElement(By.id("check-never")).getText()).contains("尚未核查");

            // the ledger check with the keyboard: focus its button, Enter
            WebElement run = d.findElement(By.cssSelector("#ledger-check button[type=submit]"));
            ((JavascriptExecutor) d).executeScript("arguments[0].focus()", run);
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-result"), "所有不变式均成立"));
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-for='table-mix-top'] canvas")));
            Browser.noConsoleErrors(d);
            long height = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollHeight");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 40, 12000)));
            Thread.sleep(300); // the charts resize with the window
            Browser.shot(d, "dashboard-full-zh");

            d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            d.get(url("/console?year=2018&lang=en#reserve"));
            Browser.waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reserve"), "Months covered"));
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-for='table-mix-level'] canvas")));
            Browser.shot(d, "dashboard-panels-en");
            d.get(url("/console?lang=zh_CN"));
        } finally {
            d.quit();
        }
        WebDriver phone = Browser.open(375, 812);
        try {
            Browser.signIn(phone, url(""), "agency", PASSWORD);
            phone.get(url("/console?year=2018#reserve"));
            Browser.waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-chart-for='table-mix-level'] canvas")));
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "dashboard-panels-phone-zh");
        } finally {
            phone.quit();
        }
    }

    @Test
    void theInsurerSeesItsSeriousIllnessTierMaskedAndNothingOfTheAgencys() throws Exception {
        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "insurer", PASSWORD);
            assertThat(d.getCurrentUrl()).as("the insurer lands on its pages").contains("/insurer");
            d.get(url("/insurer?year=2018"));
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
            String cases = d.findElement(By.id("table-insurer-largest")).getText();
            assertThat(cases).contains("15,150.00", "7,488.50", "W**********", "440802********").doesNotContain("Wu Resident");
            assertThat(d.findElement(By.id("insurer-paid")).getText()).isEqualTo("22,638.50");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "insurer-zh");

            d.findElement(By.cssSelector("#table-insurer-largest a[href^='/insurer/settlements/']")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "结算单"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("大病保险");
            assertThat(d.findElements(By.cssSelector("form[action*='/cancel']"))).as("the insurer cancels nothing").isEmpty();

            d.get(url("/console"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            d.get(url("/console/persons/44080000000003"));
            assertThat(d.getPageSource()).doesNotContain("Wu Resident");
        } finally {
            d.quit();
        }
        WebDriver phone = Browser.open(375, 812);
        try {
            Browser.signIn(phone, url(""), "insurer", PASSWORD);
            phone.get(url("/insurer?year=2018"));
            Browser.waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas")));
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "insurer-phone-zh");
        } finally {
            phone.quit();
        }
    }
}
