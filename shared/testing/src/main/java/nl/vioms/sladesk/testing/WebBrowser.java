package nl.vioms.sladesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import nl.vioms.sladesk.emulators.NodeEmulators;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * A real browser for tests of pages as people use them (issue 17): Debian's {@code chromium},
 * headless, driven by Selenium through Debian's {@code chromium-driver} (no driver download,
 * Selenium Manager is not asked). Typing and clicking go through WebDriver's real input; pages
 * are checked with axe-core ({@link #axe()}, from the pinned npm packages) and photographed at
 * the widths people use ({@link #screenshot}).
 *
 * <pre>
 * try (WebBrowser browser = WebBrowser.startOrSkip()) {
 *     browser.open(base.resolve("/console/login"));
 *     browser.type(By.id("email"), "ops@vioms.demo");
 *     browser.click(By.cssSelector("button[type=submit]"));
 *     assertEquals(List.of(), browser.axe().seriousOrCritical());
 * }
 * </pre>
 */
public final class WebBrowser implements AutoCloseable {
    /** Overrides where the driver is found. */
    public static final String DRIVER_ENV = "SLADESK_CHROMEDRIVER";

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;

    private WebBrowser(Path chromium, Path chromedriver, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(DevToolsConnection.QUIET_FLAGS);
        options.addArguments(
                "--headless=new",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--lang=nl-NL",
                "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    /** A browser 1280 px wide, the console's desktop width. */
    public static WebBrowser startOrSkip() {
        return startOrSkip(1280, 900);
    }

    /**
     * Starts the browser. Without chromium or chromium-driver, the calling test fails when the
     * environment variable {@code CI} is set (CI installs both: .ci/run), and is skipped with the
     * reason otherwise.
     */
    public static WebBrowser startOrSkip(int width, int height) {
        Optional<Path> chromium = HeadlessChromium.executable();
        Optional<Path> chromedriver = driverExecutable();
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String message = "the browser tests need Debian's chromium and chromium-driver"
                    + " (apt-get install -y chromium chromium-driver), or " + HeadlessChromium.EXECUTABLE_ENV
                    + " and " + DRIVER_ENV + " pointing at them";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                throw new IllegalStateException(message + " (CI is set, so this fails)");
            }
            Assumptions.abort(message + "; browser test skipped");
        }
        return new WebBrowser(chromium.get(), chromedriver.get(), width, height);
    }

    /** Where the driver is: {@value #DRIVER_ENV}, else {@code chromedriver} on PATH. */
    public static Optional<Path> driverExecutable() {
        String configured = System.getenv(DRIVER_ENV);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromedriver");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The driver itself, for what this class does not wrap. */
    public ChromeDriver driver() {
        return driver;
    }

    public void open(URI url) {
        driver.get(url.toString());
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The element, once it is there (waits up to 15 s). */
    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into a field as a person does: clicks it, clears it, sends the keys. */
    public void type(By by, String text) {
        WebElement field = new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
        field.click();
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks an element once it can be clicked. */
    public void click(By by) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(by))
                .click();
    }

    /**
     * Clicks a link or a form's button and waits until the browser has left the page it was on,
     * so what is read next is the new page (a redirect back to the same URL included).
     */
    public void clickAndWaitForPage(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page));
    }

    /** Waits until the page's URL contains the text (after a form's redirect, say). */
    public void waitForUrl(String part) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(part));
    }

    /** The visible text of the whole page (read again if the page was replaced while it was read). */
    public String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Sets the window's width (height kept generous so a screenshot shows the page). */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A PNG of the viewport into {@code dir/name.png}, returned. */
    public Path screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Severe entries of the browser's console (script errors, blocked or failed resources). */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /**
     * {@link #consoleErrors()} less the browser's own request for {@code /favicon.ico}, which no page
     * makes (the layout names no icon and the API serves none): script errors, anything the CSP
     * blocked, any other resource that failed.
     */
    public List<String> pageErrors() {
        return consoleErrors().stream().filter(e -> !e.contains("/favicon.ico")).toList();
    }

    /** axe-core's verdict on the page as it is now (WCAG 2.1 A and AA rules and best practices). */
    public Axe axe() {
        String script = readAxe();
        JavascriptExecutor js = driver;
        js.executeScript(script);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return {id: v.id, impact: v.impact || '', help: v.help,"
                + "          targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
                + ".catch(function (e) { done('axe failed: ' + e); });");
        if (result instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        List<Axe.Violation> violations = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) item;
            violations.add(new Axe.Violation(
                    String.valueOf(v.get("id")),
                    String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")),
                    ((List<?>) v.get("targets")).stream().map(String::valueOf).toList()));
        }
        return new Axe(violations);
    }

    private static String readAxe() {
        try {
            return Files.readString(NodeEmulators.packageFile("axe-core/axe.min.js"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core's violations on one page. */
    public record Axe(List<Violation> violations) {
        /** One rule broken, with the elements that break it. */
        public record Violation(String id, String impact, String help, List<String> targets) {}

        /** The violations that keep people out (impact serious or critical): a page must have none. */
        public List<Violation> seriousOrCritical() {
            return violations.stream()
                    .filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                    .toList();
        }
    }
}
