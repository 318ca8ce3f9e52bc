package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The simulations in a real browser (issue 11): agency staff generate a tiny population, simulate its year without and
 * with the si-50 overlay, watch each job's progress (htmx polls it; the page reloads itself with the report when the
 * job is done), open the reports and compare the two runs; the report fits a 375-px phone (its charts and tables
 * scroll in their own boxes); the auditor reads the reports but is shown no form to start a job. No console error
 * anywhere (an inline style or script the Content-Security-Policy blocked would be one). Screenshots
 * {@code simulations-zh.png}, {@code simulation-report-en.png}, {@code simulation-compare-zh.png},
 * {@code simulation-report-phone-zh.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:simbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=simulation-browser-password"})
class SimulationBrowserTest {
    static final String PASSWORD = "simulation-browser-password";
    static final Path DIR = Path.of("target", "simulation-tests", "browser-" + System.nanoTime());

    @DynamicPropertySource
    static void workDirectory(DynamicPropertyRegistry r) {
        r.add("yibao.simulation.dir", DIR::toString);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static WebDriverWait slowly(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(90));
    }

    /** Submits the form of {@code button}, waits for the job's page to say it is done; the job's id. */
    static long runJob(WebDriver d, String form) {
        d.findElement(By.cssSelector("form[action='" + form + "'] button")).click();
        slowly(d).until(ExpectedConditions.urlMatches(".*/console/simulations/jobs/\\d+$"));
        long id = Long.parseLong(d.getCurrentUrl().replaceAll(".*/jobs/", ""));
        slowly(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已完成"));
        return id;
    }

    @Test
    void agencyStaffRunAndCompareSimulationsAndTheAuditorReadsThem() throws Exception {
        WebDriver d = Browser.open(1280, 1000);
        long base, reform;
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.findElement(By.linkText("模拟")).click();
            Browser.waitFor(d).until(ExpectedConditions.textToBe(By.tagName("h1"), "政策模拟"));
            d.findElement(By.id("persons")).sendKeys("500", Keys.TAB);
            d.switchTo().activeElement().sendKeys("7", Keys.TAB);
            d.switchTo().activeElement().sendKeys("browser", Keys.ENTER);
            slowly(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已完成"));
            assertThat(d.findElement(By.id("progress")).getText()).contains("500 / 500 人");

            d.get(url("/console/simulations"));
            base = runJob(d, "/console/simulations/start");
            slowly(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sim-report svg")));
            assertThat(d.findElement(By.className("sim-report")).getText()).contains("灾难性卫生支出 发生率", "基本医保 + 大病保险（现行）");
            Browser.noConsoleErrors(d);

            d.get(url("/console/simulations"));
            new Select(d.findElement(By.id("overlay"))).selectByValue("zhanjiang/si-50");
            reform = runJob(d, "/console/simulations/start");
            slowly(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sim-report svg")));

            d.get(url("/console/simulations"));
            new Select(d.findElement(By.id("baseline"))).selectByValue(Long.toString(base));
            new Select(d.findElement(By.id("reform"))).selectByValue(Long.toString(reform));
            runJob(d, "/console/simulations/compare");
            slowly(d).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sim-report svg")));
            assertThat(d.findElement(By.className("sim-report")).getText()).contains("受益与受损家庭", "大病保险报销 50%");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "simulation-compare-zh");

            d.get(url("/console/simulations"));
            assertThat(d.findElement(By.id("jobs")).getText()).contains("#1", "#2", "#3", "#4", "已完成");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "simulations-zh");

            d.get(url("/console/simulations/jobs/" + base + "?lang=en"));
            assertThat(d.findElement(By.className("sim-report")).getText()).contains("CHE headcount");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "simulation-report-en");
            d.get(url("/console/simulations?lang=zh_CN"));
        } finally {
            d.quit();
        }

        WebDriver phone = Browser.open(375, 812);
        try {
            Browser.signIn(phone, url(""), "agency", PASSWORD);
            phone.get(url("/console/simulations/jobs/" + base));
            Browser.assertFitsThePhone(phone);
            phone.get(url("/console/simulations"));
            Browser.assertFitsThePhone(phone);
            phone.get(url("/console/simulations/jobs/" + base));
            Browser.noConsoleErrors(phone);
            Browser.shot(phone, "simulation-report-phone-zh");
        } finally {
            phone.quit();
        }

        WebDriver auditor = Browser.open(1280, 900);
        try {
            Browser.signIn(auditor, url(""), "auditor", PASSWORD);
            auditor.get(url("/console/simulations"));
            assertThat(auditor.findElements(By.cssSelector("form[action^='/console/simulations/']"))).as("no form to start a job").isEmpty();
            auditor.findElement(By.linkText("#" + reform)).click();
            slowly(auditor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sim-report svg")));
            Browser.noConsoleErrors(auditor);
        } finally {
            auditor.quit();
        }
    }
}
