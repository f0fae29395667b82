package fr.id77.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real headless Chromium through Selenium, against the application on a random port. Every page a
 * journey visits goes through {@link #visit} or {@link #checkAccessibility}: an axe-core violation fails
 * the test. Skips loudly where Chromium is absent, but never under CI (CI=true).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

    /** Keeps a screenshot and the HTML of the page a failed test was on, under target/browser-failures. */
    static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance()
                    .filter(BrowserTest.class::isInstance)
                    .map(BrowserTest.class::cast)
                    .filter(t -> t.driver != null)
                    .ifPresent(t -> {
                        try {
                            Path dir = Path.of("target", "browser-failures");
                            Files.createDirectories(dir);
                            String name = context.getRequiredTestClass().getSimpleName() + "-"
                                    + context.getRequiredTestMethod().getName();
                            byte[] png = ((TakesScreenshot) t.driver).getScreenshotAs(OutputType.BYTES);
                            Files.write(dir.resolve(name + ".png"), png);
                            Files.writeString(
                                    dir.resolve(name + ".html"),
                                    t.driver.getCurrentUrl() + "\n" + t.driver.getPageSource());
                        } catch (Exception ignored) {
                            // best effort only
                        }
                    });
        }
    }

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    @LocalServerPort
    protected int port;

    protected WebDriver driver;

    /** Where Chromium saves what the pages download (exports, files), a fresh directory per test class. */
    protected Path downloads;

    @BeforeAll
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium ou chromedriver absent (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " : obligatoire sous CI");
            }
            System.err.println("\n!!!!!!!! TESTS NAVIGATEUR IGNORÉS : " + message + " !!!!!!!!\n");
            assumeTrue(false, message);
        }
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            downloads = Files.createTempDirectory("id77-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    void stopBrowser() {
        // (kept open until every test of the class ran, so failure screenshots can still be taken)
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page of the application and checks it with axe. */
    protected void visit(String path) {
        driver.get(url(path));
        checkAccessibility();
    }

    /** Runs axe-core on the current page (WCAG 2.1 A/AA and best practices); any violation fails the test. */
    protected void checkAccessibility() {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .map(v -> "- " + v.getId() + " (" + v.getImpact() + ") : " + v.getHelp() + "\n    "
                            + v.getNodes().stream()
                                    .map(n -> String.valueOf(n.getTarget()))
                                    .limit(5)
                                    .collect(Collectors.joining("\n    ")))
                    .collect(Collectors.joining("\n"));
            fail("Violations d'accessibilité sur " + driver.getCurrentUrl() + " :\n" + detail);
        }
    }

    /**
     * Clicks an element after scrolling it to the middle of the window. Headless Chromium sometimes keeps a
     * native widget (a select's list) over the page after it was used: the click is then dispatched by script.
     */
    protected void clickOn(By by) {
        WebElement element = driver.findElement(by);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            js.executeScript("arguments[0].click();", element);
        }
    }

    /**
     * Clicks the submit button of a form with files and waits for its outcome: with files chosen, upload.js sends the
     * form in the background and then replaces the page's body with the server's answer (or shows a message in the
     * form), so the click returns before the answer is there.
     */
    protected void submitUpload(By button) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.id77BodyBeforeUpload = document.body;");
        clickOn(button);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(
                        d -> Boolean.TRUE.equals(
                                js.executeScript(
                                        "return window.id77BodyBeforeUpload !== document.body"
                                                + " || !!document.querySelector('.upload-failure, .invalid-feedback[id$=\"-verification\"]');")));
    }

    /** Signs in afresh (cookies cleared) through the sign-in page, checked with axe, and waits for the user menu. */
    protected void signInAs(String login, String password) {
        driver.manage().deleteAllCookies();
        visit("/connexion");
        find(By.id("identifiant")).sendKeys(login);
        find(By.id("motDePasse")).sendKeys(password);
        clickOn(By.cssSelector("main form button[type=submit]"));
        assertThat(find(By.cssSelector(".user-menu summary")).getText())
                .as("connecté comme " + login)
                .contains("Bonjour");
    }

    /** Keeps a picture of the current page under target/browser-screens, to look at the page. */
    protected void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-screens"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file named {@code name} once Chromium has finished downloading it (it waits up to 30 seconds). */
    protected byte[] downloaded(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected WebElement find(By by) {
        return driver.findElement(by);
    }

    protected List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /**
     * The current path once it contains {@code part}: a click on a submit button or a link can return before
     * Chromium has started the navigation, so reading the address right away may still give the previous page.
     */
    protected String pathOnceItContains(String part) {
        try {
            waiting().until(d -> path().contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the assertion that follows says what the address was
        }
        return path();
    }

    protected String path() {
        String current = driver.getCurrentUrl();
        return current.substring(("http://localhost:" + port).length());
    }
}
