package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.openyibao.platform.demo.DemoRegion;

/**
 * The institution pages in a real browser (issue 11), after the demo hospital has settled, registered, reconciled and
 * applied for clearing through the national interface ({@link InstitutionActivity}): the clerk, on a 375-px phone,
 * opens their visits and reconciliation results through the tabs and is refused the agency's institution pages; the
 * agency, in English, issues an interface credential for another institution and sees its secret once, and not after
 * a reload. No console error on any page. Screenshots {@code institution-zh.png}, {@code institution-visits-phone-zh.png}
 * and {@code institutions-agency-en.png} are written to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:institution-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.fsi.key=institution-browser-test-key",
        "yibao.fsi.cache-seconds=0",
        "yibao.demo.password=institution-browser-password"})
class InstitutionBrowserTest {
    static final String PASSWORD = "institution-browser-password";
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
        synchronized (InstitutionBrowserTest.class) {
            if (made == null) made = InstitutionActivity.run(port, demo.credentials());
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theClerkOpensVisitsAndReconciliationOnAPhoneAndIsRefusedTheAgencysPages() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "clerk", PASSWORD);
            d.get(url("/institution"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains(made.setlId());
            Browser.assertFitsThePhone(d);

            d.findElement(By.cssSelector(".inst-tabs a[href='/institution/visits']")).click();
            Browser.waitFor(d).until(ExpectedConditions.urlContains("/institution/visits"));
            assertThat(d.findElement(By.tagName("h2")).getText()).isEqualTo("就诊登记");
            assertThat(d.findElement(By.tagName("main")).getText()).contains(made.openVisit(), "就诊中");
            assertThat(d.findElement(By.cssSelector(".inst-tabs a[aria-current='page']")).getText()).isEqualTo("就诊登记");
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "institution-visits-phone-zh");

            d.findElement(By.cssSelector(".inst-tabs a[href='/institution/reconciliations']")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h2"), "对账结果"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("3201 对总账", "3202 对明细账");
            assertThat(d.findElements(By.cssSelector("a[href$='/credentials']"))).as("no credentials for the clerk").isEmpty();
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);

            d.get(url("/console/institutions/H44080000002"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            assertThat(d.getPageSource()).doesNotContain("Xiashan");
        } finally {
            d.quit();
        }
        WebDriver wide = Browser.open(1280, 900);
        try {
            Browser.signIn(wide, url(""), "clerk", PASSWORD);
            wide.get(url("/institution/reconciliations"));
            Browser.waitFor(wide).until(ExpectedConditions.textToBe(By.tagName("h2"), "对账结果"));
            Browser.noConsoleErrors(wide);
            Browser.shot(wide, "institution-zh");
        } finally {
            wide.quit();
        }
    }

    @Test
    void theAgencyIssuesACredentialAndSeesTheSecretOnce() throws Exception {
        WebDriver d = Browser.open(1280, 1100);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/institutions?lang=en"));
            d.findElement(By.id("q")).sendKeys("renmin\n");
            Browser.waitFor(d).until(ExpectedConditions.urlContains("q=renmin"));
            d.findElement(By.linkText("P44080000001")).click();
            Browser.waitFor(d).until(ExpectedConditions.urlContains("/console/institutions/P44080000001"));
            d.findElement(By.cssSelector(".inst-tabs a[href$='/credentials']")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h2"), "Interface credentials"));

            d.findElement(By.id("paasid")).sendKeys("renmin-browser");
            d.findElement(By.cssSelector("form.inst-issue button[type='submit']")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("issued-secret")));
            String secret = d.findElement(By.id("issued-secret")).getText();
            assertThat(secret).hasSize(32);
            assertThat(d.findElement(By.id("issued")).getText()).contains("shown this once", "renmin-browser");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "institutions-agency-en");

            d.navigate().refresh();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h2"), "Interface credentials"));
            assertThat(d.findElements(By.id("issued-secret"))).as("the secret is shown once").isEmpty();
            assertThat(d.getPageSource()).doesNotContain(secret).contains("renmin-browser");
            Browser.noConsoleErrors(d);
        } finally {
            d.quit();
        }
    }

    @Test
    void theAgencysInstitutionPagesFitAPhone() throws Exception {
        WebDriver d = Browser.open(375, 812);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/institutions"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("H44080000001");
            Browser.assertFitsThePhone(d);
            d.get(url("/console/institutions/H44080000001/reconciliations"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("3201");
            Browser.assertFitsThePhone(d);
            d.get(url("/console/institutions/H44080000004/credentials"));
            d.findElement(By.cssSelector("form.inst-issue button[type='submit']")).click();
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("issued-secret")));
            Browser.assertFitsThePhone(d);
            Browser.noConsoleErrors(d);
            Browser.shot(d, "institutions-credential-phone-zh");
        } finally {
            d.quit();
        }
    }
}
