package dk.amu.catalogue.notifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in Debian's headless Chromium, driven through its chromedriver, with a profile of its own
 * that is deleted on close. Like the dashboard's browser tests, these fail (saying how to install
 * Chromium) rather than skip where it is missing, so a broken install cannot pass unseen.
 * {@link #assertAccessible()} runs axe-core in the page as it stands.
 */
public final class PortalBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The impacts that fail a page; moderate and minor ones are left to review. */
    private static final Set<String> FAILING = Set.of("serious", "critical");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Path REPORT = Path.of("target", "accessibility.txt");

    private final ChromeDriver driver;

    private final Path profile;

    private final String base;

    private PortalBrowser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A browser on the notifier at {@code port}; fails when Chromium or chromedriver is missing. */
    public static PortalBrowser open(int port) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the portal's browser tests need Debian's Chromium at %s and %s: "
                        + "install them with 'apt-get install chromium chromium-driver'", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        try {
            var profile = Files.createTempDirectory("portal-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,1000", "--lang=da-DK", "--user-data-dir=" + profile);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new PortalBrowser(driver, profile, "http://127.0.0.1:" + port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Signs in through the login form, as a person types the key; fails unless the first page follows. */
    public PortalBrowser signIn(String apiKey) {
        return logIn("/login", "apiKey", apiKey, base + "/");
    }

    public PortalBrowser signInAsOperator(String adminToken) {
        return logIn("/operator/login", "token", adminToken, base + "/operator");
    }

    private PortalBrowser logIn(String path, String field, String secret, String expected) {
        get(path);
        find("#" + field).sendKeys(secret);
        find("form.card button[type=submit]").click();
        waitUntil(d -> expected.equals(d.getCurrentUrl()), "signed in at " + expected + ", not " + driver.getCurrentUrl());
        return this;
    }

    public void get(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The element once it is in the page (htmx may still be fetching it). */
    public WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public void waitUntil(Function<ChromeDriver, Boolean> condition, String what) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(what).until(d -> condition.apply(driver));
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Runs axe-core on the page as it stands and fails on any serious or critical violation, naming
     * for each its rule, what it asks for, and the elements that break it. The lesser ones are added
     * to {@code target/accessibility.txt}, for a person to review.
     */
    public void assertAccessible() {
        var results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not check %s: %s", driver.getCurrentUrl(), results.getErrorMessage())
                .isFalse();
        var lesser = results.getViolations().stream().filter(r -> !FAILING.contains(r.getImpact())).toList();
        if (!lesser.isEmpty()) {
            report(driver.getCurrentUrl() + "\n" + describe(lesser) + "\n");
        }
        var failing = results.getViolations().stream().filter(r -> FAILING.contains(r.getImpact())).toList();
        assertThat(failing).as("serious or critical accessibility violations on %s:\n%s", driver.getCurrentUrl(),
                describe(failing)).isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n"
                + r.getNodes().stream().map(n -> "    " + n.getTarget() + "  " + n.getFailureSummary().replace("\n", " "))
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static void report(String text) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
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
