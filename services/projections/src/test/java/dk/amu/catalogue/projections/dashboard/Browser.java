package dk.amu.catalogue.projections.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through its chromedriver, with a profile of its own that is
 * deleted on close. The browser tests are acceptance tests: without Chromium they fail (with how
 * to install it) rather than skip, so a broken install on CI cannot pass unseen.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private final Path profile;

    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser on the service at {@code port}; fails when Chromium or chromedriver is missing. */
    static Browser open(int port) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the dashboard's browser tests need Debian's Chromium at %s and %s: "
                        + "install them with 'apt-get install chromium chromium-driver'", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        try {
            var profile = Files.createTempDirectory("dashboard-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, "http://127.0.0.1:" + port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void get(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Sets a date picker as a person picking the day would: the input's ISO value, then its change event. */
    void pick(String inputId, String isoValue) {
        script("var input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('change', { bubbles: true }));", inputId, isoValue);
        assertThat(find("#" + inputId).getDomProperty("value")).isEqualTo(isoValue);
    }

    /** How many rows of the table the filter script leaves visible, counted in the page (one round trip). */
    long visibleRows(String tableId) {
        return (Long) script("return Array.from(document.getElementById(arguments[0]).tBodies[0].rows)"
                + ".filter(row => !row.hidden).length", tableId);
    }

    /**
     * An element's text and one attribute read in a single script, so a fragment that htmx swaps
     * between two WebDriver calls cannot leave the test holding a stale element.
     */
    java.util.Map<String, String> read(String css, String attribute) {
        @SuppressWarnings("unchecked")
        var read = (java.util.Map<String, String>) script("var element = document.querySelector(arguments[0]);"
                + "return element == null ? {} : { text: element.innerText,"
                + " attribute: element.getAttribute(arguments[1]) };", css, attribute);
        return read;
    }

    /** The driver itself, for tools that take one (axe-core). */
    WebDriver driver() {
        return driver;
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            var file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
