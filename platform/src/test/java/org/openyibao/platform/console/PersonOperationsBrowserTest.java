package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.registry.ResidentId;

/**
 * The person's contributions and the agency's operations in a real browser ({@link Browser}): the clerk sees a
 * person's contributions and arrears, changes a category and records a payment with the keyboard only, imports a
 * file with one bad line (in English); the auditor sees no operation and is refused the import; no console error; the
 * person's page fits a 375-px phone. Screenshots: person-contributions-zh, import-en (docs/console/).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:personbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=person-browser-password"})
class PersonOperationsBrowserTest {
    static final String PASSWORD = "person-browser-password";
    static final String CHEN = "44080000000001";
    static final String LIANG = "44080000000006";

    @LocalServerPort
    int port;
    @Autowired
    ContributionService contributions;
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
    void theClerkChangesACategoryAndRecordsAPaymentWithTheKeyboardAndImportsAFile() throws Exception {
        long chen = jdbc.queryForObject("SELECT e.id FROM enrolment e JOIN person p ON p.id = e.person_id WHERE p.psn_no = ?", Long.class, CHEN);
        contributions.employeeDue(new ContributionService.EmployeeMonthRequest(chen, "2019-01", new BigDecimal("6500.00"), null));
        WebDriver d = Browser.open(1280, 1100);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/persons/" + LIANG + "/category"));
            d.findElement(By.id("valid_from")).sendKeys("2019-02-01", Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("changed=category"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("人员类别已变更", "特困供养人员");

            d.get(url("/console/persons/" + CHEN + "/pay/employee"));
            d.findElement(By.id("period")).sendKeys("2019-02", Keys.TAB);
            d.switchTo().activeElement().sendKeys("6500.00", Keys.TAB);
            d.switchTo().activeElement().sendKeys("2019-02-15", Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("changed=paid"));
            String page = d.findElement(By.tagName("main")).getText();
            assertThat(page).contains("已登记缴费", "2019-02", "533.00", "欠缴");
            d.findElement(By.id("contributions")).getLocation();
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('contributions').scrollIntoView()");
            Browser.shot(d, "person-contributions-zh");

            Path csv = Files.createTempFile("persons", ".csv");
            StringBuilder text = new StringBuilder("cert_no,name,admdvs,scheme,valid_from\n");
            String[] ids = {"44080219910101111", "44080219910202112", "44080219910303113"};
            for (int i = 0; i < ids.length; i++) {
                text.append(ids[i]).append(ResidentId.checkDigit(ids[i])).append(",Browser ").append(i).append(",440800,resident,")
                        .append(i == 1 ? "2019-13-01" : "2019-01-01").append('\n');
            }
            Files.writeString(csv, text);
            d.get(url("/console/import?lang=en"));
            d.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            d.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            try {
                Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("import-imported")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("no import result at " + d.getCurrentUrl() + ": " + d.getPageSource().replaceAll("(?s)<head>.*</head>", ""), e);
            }
            assertThat(d.findElement(By.id("import-read")).getText()).isEqualTo("3");
            assertThat(d.findElement(By.id("import-imported")).getText()).isEqualTo("2");
            assertThat(d.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
            assertThat(d.findElement(By.id("import-errors")).getText()).contains("error file");
            Browser.shot(d, "import-en");
            Browser.noConsoleErrors(d);
        } finally {
            d.quit();
        }
    }

    @Test
    void theAuditorSeesNoOperationAndThePersonFitsAPhone() throws Exception {
        WebDriver d = Browser.open(375, 800);
        try {
            Browser.signIn(d, url(""), "auditor", PASSWORD);
            d.get(url("/console/persons/" + CHEN + "?lang=zh_CN"));
            assertThat(d.findElement(By.id("contributions")).getText()).isNotBlank();
            assertThat(d.findElements(By.cssSelector("nav.person-actions"))).isEmpty();
            Browser.assertFitsThePhone(d);
            Browser.shot(d, "person-contributions-phone-zh");
            Browser.noConsoleErrors(d);
            d.get(url("/console/import"));
            assertThat(d.findElements(By.id("file"))).as("the auditor is refused the import").isEmpty();
        } finally {
            d.quit();
        }
    }
}
