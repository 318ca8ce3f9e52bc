package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.openyibao.platform.registry.ResidentId;

/**
 * The agency's operations on a person in a real browser (issue 11): agency staff change a category and record a
 * payment with the keyboard only, see the contributions and arrears on the person's page, import a CSV with one bad
 * line; the auditor sees the contributions but no operation and is refused the forms. No console error; the person's
 * page fits a 375-px phone. Screenshots {@code person-contributions-zh}, {@code import-en} (docs/console.md shows them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:personsbrowser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=persons-browser-password"})
class PersonOperationsBrowserTest {
    static final String PASSWORD = "persons-browser-password";
    static final String WU = "44080000000003";       // resident since 2009
    static final String LIANG = "44080000000006";    // resident, documented poor from 2017

    @LocalServerPort
    int port;

    @BeforeAll
    static void browser() throws Exception {
        Browser.required();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Types into the focused field, then Tab to the next one. */
    static void type(WebDriver d, String text) {
        d.switchTo().activeElement().sendKeys(text, Keys.TAB);
    }

    @Test
    void agencyStaffChangeACategoryAndRecordAPaymentWithTheKeyboard() throws Exception {
        WebDriver d = Browser.open(1280, 1800);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/persons/" + LIANG + "?lang=zh_CN"));
            d.findElement(By.linkText("变更人员类别")).sendKeys(Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("/category"));
            d.findElement(By.id("category")).sendKeys(Keys.END, Keys.TAB);   // the last kind: subsistence allowance
            type(d, "2019-02-01");
            d.switchTo().activeElement().sendKeys(Keys.ENTER);   // the optional end date left empty submits the form
            Browser.waitFor(d).until(ExpectedConditions.urlContains("changed=category"));
            assertThat(d.findElement(By.tagName("main")).getText()).contains("人员类别已变更", "最低生活保障对象", "2019-02-01");
            Browser.noConsoleErrors(d);

            d.get(url("/console/persons/" + WU));
            d.findElement(By.linkText("登记居民年度缴费")).sendKeys(Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("/pay/resident"));
            d.findElement(By.id("year")).sendKeys("2020", Keys.TAB);
            d.switchTo().activeElement().sendKeys("2020/01/08", Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("err-paid_on")));
            assertThat(d.findElement(By.id("err-paid_on")).getText()).contains("paid_on");
            d.findElement(By.id("paid_on")).clear();
            d.findElement(By.id("paid_on")).sendKeys("2020-01-08", Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.urlContains("changed=paid"));
            String page = d.findElement(By.tagName("main")).getText();
            assertThat(page).contains("已登记缴费", "缴费记录", "居民年度缴费", "2020-01-08", "欠费");
            Browser.noConsoleErrors(d);
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('contributions').scrollIntoView()");
            Browser.shot(d, "person-contributions-zh");

            d.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
            d.navigate().refresh();
            Browser.assertFitsThePhone(d);
        } finally {
            d.quit();
        }
    }

    @Test
    void agencyStaffImportACsvAndTheAuditorIsRefusedTheForms() throws Exception {
        Path csv = Files.createTempFile("persons-import", ".csv");
        String a = "44080219910101101", b = "44080219910202102";
        Files.writeString(csv, "cert_no,name,admdvs,scheme,valid_from\n"
                + a + ResidentId.checkDigit(a) + ",Imported One,440800,resident,2019-01-01\n"
                + b + ResidentId.checkDigit(b) + ",Imported Two,440800,resident,2019-02-30\n");
        WebDriver d = Browser.open(1280, 1000);
        try {
            Browser.signIn(d, url(""), "agency", PASSWORD);
            d.get(url("/console/import?lang=en"));
            d.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            d.findElement(By.cssSelector("main form button[type=submit]")).sendKeys(Keys.ENTER);
            Browser.waitFor(d).until(ExpectedConditions.presenceOfElementLocated(By.id("import-imported")));
            assertThat(d.findElement(By.id("import-read")).getText()).isEqualTo("2");
            assertThat(d.findElement(By.id("import-imported")).getText()).isEqualTo("1");
            assertThat(d.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
            assertThat(d.findElement(By.id("import-errors")).getAttribute("href")).endsWith("/console/import/errors.csv");
            Browser.noConsoleErrors(d);
            Browser.shot(d, "import-en");
        } finally {
            d.quit();
            Files.deleteIfExists(csv);
        }
        WebDriver auditor = Browser.open(1280, 1000);
        try {
            Browser.signIn(auditor, url(""), "auditor", PASSWORD);
            auditor.get(url("/console/persons/" + WU + "?lang=zh_CN"));
            assertThat(auditor.findElement(By.tagName("main")).getText()).contains("缴费记录");
            assertThat(auditor.findElements(By.cssSelector("nav.person-actions"))).isEmpty();
            auditor.get(url("/console/persons/" + WU + "/pay/resident"));
            assertThat(auditor.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
            auditor.get(url("/console/import"));
            assertThat(auditor.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        } finally {
            auditor.quit();
        }
    }
}
