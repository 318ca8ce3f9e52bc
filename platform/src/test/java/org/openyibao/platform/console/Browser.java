package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

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

/**
 * Debian's chromium, headless, driven through its chromedriver (never a browser a tool downloads), for the console's
 * browser tests: open a window, sign in with the keyboard, take a screenshot, fail on a console error, check a page
 * fits a phone. Without chromium and chromedriver a test is skipped with a notice, unless {@code CI} is set (.ci/run
 * installs them): then it fails.
 */
final class Browser {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    /** Call from a test class's {@code @BeforeAll}. */
    static void required() throws Exception {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (System.getenv("CI") != null) assertThat(present).as("CI needs Debian's chromium and chromium-driver (.ci/run)").isTrue();
        assumeTrue(present, "chromium or chromedriver missing: apt-get install chromium chromium-driver");
        Files.createDirectories(SHOTS);
    }

    static WebDriver open(int width, int height) {
        return open(width, height, Map.of());
    }

    /** As {@link #open(int, int)}, chromium started with {@code environment} added to its own (FONTCONFIG_FILE …). */
    static WebDriver open(int width, int height, Map<String, String> environment) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        // a driver service of its own: quitting a driver stops its service
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withEnvironment(environment).build();
        WebDriver d = new ChromeDriver(service, o);
        d.manage().window().setSize(new Dimension(width, height));
        return d;
    }

    static WebDriverWait waitFor(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20));
    }

    /** Signs in with the keyboard only: the user name field has the focus, Tab to the password, Enter to submit. */
    static void signIn(WebDriver d, String base, String user, String password) {
        d.get(base + "/login");
        WebElement focused = d.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).as("the sign-in page puts the focus on the user name").isEqualTo("username");
        focused.sendKeys(user, Keys.TAB);
        d.switchTo().activeElement().sendKeys(password, Keys.ENTER);
        waitFor(d).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Writes {@code target/screenshots/NAME.png} (docs/console/ keeps the ones the docs show). */
    static void shot(WebDriver d, String name) throws Exception {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void noConsoleErrors(WebDriver d) {
        List<LogEntry> severe = d.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors (a blocked script or style is one)").isEmpty();
    }

    static void assertFitsThePhone(WebDriver d) {
        long width = (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("no sideways scrolling at 375 px on " + d.getCurrentUrl()).isLessThanOrEqualTo(375);
    }
}
