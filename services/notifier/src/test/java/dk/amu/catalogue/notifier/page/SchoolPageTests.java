package dk.amu.catalogue.notifier.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** The school page in headless Chromium: log in with the key, create and edit a subscription, see and redrive a dead delivery. */
@ExtendWith(CatalogueInfrastructure.class)
class SchoolPageTests {

    private WebDriver browser;

    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldLetASchoolManageItsSubscriptionsAndRedriveADeadDelivery() throws Exception {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(LocalDate.of(2025, 3, 1));
        var api = notifier.api();
        var key = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Sideskole", "email", "side@example.org"))
                .body().get("apiKey").asString();
        var fkb = "page-" + UUID.randomUUID().toString().substring(0, 8);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try (var receiver = WebhookReceiver.start(); var events = new Events()) {
            api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
            receiver.answer(500, 500, 500, 500, 500, 500, 500, 500);
            events.ingest(fkb, clock.instant(), revised("Side-FKB", LocalDate.of(2025, 3, 1)));
            notifier.settle();
            for (int i = 0; i < 8; i++) {
                clock.advance(Duration.ofHours(12));
                notifier.settle();
            }

            browser.get("http://127.0.0.1:" + notifier.port() + "/");
            browser.findElement(By.id("key")).sendKeys(key);
            browser.findElement(By.id("login-button")).click();
            wait.until(d -> d.findElements(By.cssSelector("#subscriptions tbody tr")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("#subscriptions .secret")).getText()).startsWith("whsec_");
            assertThat(browser.findElement(By.cssSelector("#subscriptions .feed-ical")).getAttribute("href")).contains("/feeds/");

            browser.findElement(By.id("fkbCodes")).sendKeys("andet-fkb");
            browser.findElement(By.id("email")).sendKeys("ny@example.org");
            browser.findElement(By.id("save")).click();
            wait.until(d -> d.findElements(By.cssSelector("#subscriptions tbody tr")).size() == 2);
            assertThat(browser.findElement(By.id("subscriptions")).getText()).contains("andet-fkb").contains("ny@example.org");

            wait.until(d -> d.findElements(By.cssSelector("#dead tbody tr")).size() == 1);
            screenshot("school-page.png");
            browser.findElement(By.cssSelector("#dead .redrive")).click();
            wait.until(d -> d.findElements(By.cssSelector("#dead tbody tr")).isEmpty());
            notifier.settle();
            assertThat(receiver.received()).hasSize(9);

            browser.findElement(By.id("logout")).click();
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        }
    }

    @Test
    void shouldRefuseAWrongKeyInDanish() throws Exception {
        browser.get("http://127.0.0.1:" + RunningNotifier.shared().port() + "/");
        browser.findElement(By.id("key")).sendKeys("amuk_forkert");
        browser.findElement(By.id("login-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("message")).getText().isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).startsWith("Kunne ikke logge ind");
        screenshot("school-page-wrong-key.png");
    }

    private void screenshot(String name) throws java.io.IOException {
        var png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots", name), png);
    }
}
