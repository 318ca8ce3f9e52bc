package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.openyibao.platform.security.Activation;

/**
 * The insured's portal and complaints in a real browser on a 375-px phone (issue 11): the insured reads a settlement
 * explained tier by tier in words, what is left of this year's caps in English, files a complaint; the agency answers
 * it in the console; the insured reads the answer. No console error, nothing wider than the phone, the agency's pages
 * refused to the insured. Screenshots in {@code target/screenshots/} (docs/console/ keeps the main ones).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portalbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=portal-browser-password"})
class PortalFeedbackBrowserTest {
    static final String WU = "44080000000003";
    static final String PASSWORD = "portal-browser-password";

    @LocalServerPort
    int port;
    @Autowired
    Activation activation;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String main(WebDriver d) {
        return d.findElement(By.tagName("main")).getText();
    }

    @Test
    void theInsuredReadsTheirSettlementInWordsComplainsAndReadsTheAgencysAnswer() throws Exception {
        activation.activate(WU, activation.issue(WU).code(), "wu phone password");
        WebDriver phone = Browser.open(375, 812);
        WebDriver desk = null;
        try {
            Browser.signIn(phone, url(""), WU, "wu phone password");
            phone.findElement(By.cssSelector("a[href^='/portal/settlements/']")).click();
            Browser.waitFor(phone).until(ExpectedConditions.textToBe(By.tagName("h1"), "我的结算"));
            assertThat(main(phone)).contains("统筹基金：(100,000.00 − 500.00) × 50% = 49,750.00 元",
                    "大病保险：累计合规自付 0.00 → 50,250.00 元，按分段比例计 15,150.00 元",
                    "个人现金：100,000.00 元 − 基金 64,900.00 元 − 个人账户 0.00 元 = 35,100.00 元");
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            ((org.openqa.selenium.JavascriptExecutor) phone).executeScript("document.querySelector('ol.trace li:nth-child(4)').scrollIntoView()");
            Browser.shot(phone, "portal-explained-phone-zh");

            phone.get(url("/portal/caps?lang=en"));
            assertThat(main(phone)).contains("Pooling fund annual cap", "150,250.00", "535,100.00", "Serious-illness base");
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "portal-caps-phone-en");
            phone.get(url("/portal/contributions"));
            assertThat(main(phone)).contains("My contributions", "Resident year");
            Browser.assertFitsThePhone(phone);

            // the complaint, in Chinese, with the keyboard: a refusal first, then filed
            phone.get(url("/portal/feedback/new?lang=zh_CN"));
            new Select(phone.findElement(By.id("institution"))).selectByValue("H44080000001");
            new Select(phone.findElement(By.id("category"))).selectByValue("waiting_time");
            phone.findElement(By.id("body")).sendKeys("短");
            phone.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            Browser.waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("err-body")));
            assertThat(phone.findElement(By.id("body")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(new Select(phone.findElement(By.id("institution"))).getFirstSelectedOption().getAttribute("value"))
                    .as("what was chosen is kept").isEqualTo("H44080000001");
            Browser.assertFitsThePhone(phone);
            phone.findElement(By.id("body")).clear();
            phone.findElement(By.id("body")).sendKeys("挂号后在住院部等了三个小时，没有人告诉我要等多久。");
            phone.findElement(By.id("body")).sendKeys(Keys.TAB, Keys.ENTER);
            Browser.waitFor(phone).until(ExpectedConditions.urlContains("?filed"));
            assertThat(main(phone)).contains("已收到，经办机构会尽快处理。", "排队等候时间");
            Browser.noConsoleErrors(phone);
            String mine = phone.getCurrentUrl().replaceAll("\\?.*", "");

            // the agency answers it
            desk = Browser.open(1280, 900);
            Browser.signIn(desk, url(""), "agency", PASSWORD);
            desk.findElement(By.cssSelector("nav a[href='/console/feedback']")).click();
            desk.findElement(By.cssSelector("table a[href^='/console/feedback/']")).click();
            Browser.waitFor(desk).until(ExpectedConditions.visibilityOfElementLocated(By.id("note")));
            assertThat(main(desk)).contains("Wu Resident", "挂号后在住院部等了三个小时");
            new Select(desk.findElement(By.id("status"))).selectByValue("in_progress");
            desk.findElement(By.id("note")).sendKeys("已转医院核实");
            desk.findElement(By.id("note")).submit();
            Browser.waitFor(desk).until(ExpectedConditions.urlContains("?changed"));
            new Select(desk.findElement(By.id("status"))).selectByValue("answered");
            desk.findElement(By.id("note")).sendKeys("医院已增开住院登记窗口，并在大厅显示等候人数。");
            desk.findElement(By.id("note")).submit();
            Browser.waitFor(desk).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已答复"));
            Browser.noConsoleErrors(desk);
            Browser.shot(desk, "feedback-console-zh");

            // the insured reads the answer
            phone.get(mine);
            assertThat(main(phone)).contains("已答复", "医院已增开住院登记窗口，并在大厅显示等候人数。");
            Browser.assertFitsThePhone(phone);
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "portal-feedback-answered-phone-zh");

            // last, as its refusal is the one console entry expected: the agency's list is not the insured's
            phone.get(url("/console/feedback"));
            assertThat(phone.getPageSource()).as("the agency's pages are not the insured's").doesNotContain("挂号后在住院部");
            assertThat(phone.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                    .anyMatch(e -> e.getMessage().contains("/console/feedback") && e.getMessage().contains("403"));
        } finally {
            phone.quit();
            if (desk != null) desk.quit();
        }
    }
}
