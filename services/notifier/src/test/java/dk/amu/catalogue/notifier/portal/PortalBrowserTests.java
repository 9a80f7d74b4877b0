package dk.amu.catalogue.notifier.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.PortalBrowser;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The portal in a real browser, as a person uses it with the keyboard: signing in through the form,
 * finding an FKB by typing part of its title, ticking it, and seeing the new subscription listed.
 * Every page is checked with axe-core on the way, its error states included.
 */
@ExtendWith(CatalogueInfrastructure.class)
class PortalBrowserTests {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private final String fkb = "browser-" + suffix;

    private final String title = "Browserprøve " + suffix;

    @Test
    void shouldSignInFindAnFkbByItsTitleTickItAndListTheNewSubscription() {
        var notifier = RunningNotifier.shared();
        RunningNotifier.sharedClock().setTo(LocalDate.of(2025, 3, 1));
        try (var events = new Events()) {
            events.ingest(fkb, Instant.parse("2025-02-01T10:00:00Z"), Events.revised(title, LocalDate.of(2025, 2, 1)),
                    Events.linked("61001", "AD", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 30)),
                    Events.linked("61002", "AD", LocalDate.of(2025, 1, 1), null));
        }
        notifier.settle();
        var key = notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN,
                Map.of("name", "Browserskolen", "email", "it@example.org")).body().get("apiKey").asString();

        try (var browser = PortalBrowser.open(notifier.port())) {
            browser.get("/login");
            browser.assertAccessible();
            browser.get("/help");
            browser.assertAccessible();
            browser.signIn(key);
            assertThat(browser.find("#signed-in-as").getText()).contains("Browserskolen");
            browser.assertAccessible();

            browser.get("/subscriptions");
            browser.assertAccessible();
            browser.find("#new-subscription").click();
            browser.await("#fkb-search");
            browser.assertAccessible();

            var search = browser.find("#fkb-search");
            search.click();
            search.sendKeys("prøve " + suffix);
            var option = browser.await("#fkb-options input[value='" + fkb + "']");
            search.sendKeys(Keys.ENTER);
            assertThat(browser.currentPath()).as("Enter searches, it does not submit").isEqualTo("/subscriptions/new");
            browser.waitUntil(d -> browser.find("#fkb-status").getText().equals("1 fundet"), "the status says what was found");
            search.sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("value")).isEqualTo(fkb);
            browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
            assertThat(browser.await("#fkb-chosen input[value='" + fkb + "']").isSelected()).isTrue();
            assertThat(browser.find("#fkb-chosen").getText()).contains(fkb).contains(title);
            browser.assertAccessible();
            browser.screenshot("portal-subscription-new");

            browser.find("#email").sendKeys("ikke-en-adresse");
            browser.find("#save-subscription").click();
            browser.await("#error-summary");
            assertThat(browser.find("#email-error").getText()).isEqualTo("Skriv en gyldig e-mailadresse, fx it@skole.dk.");
            assertThat(browser.find("#email").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#fkb-chosen input[value='" + fkb + "']").isSelected()).as("still chosen").isTrue();
            browser.assertAccessible();
            browser.screenshot("portal-subscription-refused");
            browser.driver().executeScript("document.getElementById('channels').scrollIntoView()");
            browser.screenshot("portal-subscription-refused-channels");

            browser.find("#email").clear();
            browser.find("#email").sendKeys("browser@example.org" + Keys.ENTER);
            browser.waitUntil(d -> browser.currentPath().endsWith("?created"), "the new subscription's page");
            assertThat(browser.find("#current-secret").getText()).contains("whsec_");
            assertThat(browser.find("#calendar-url").getText()).contains("/calendar.ics");
            browser.assertAccessible();

            browser.find("#rotate-secret").click();
            browser.await("#previous-secret");
            browser.assertAccessible();
            browser.screenshot("portal-subscription");

            browser.get("/subscriptions");
            var row = browser.find("#subscriptions tbody tr");
            assertThat(row.getText()).contains(fkb).contains(title).contains("browser@example.org").contains("Aktiv");
            browser.assertAccessible();
            browser.screenshot("portal-subscriptions");

            browser.get("/upcoming");
            assertThat(browser.find("#upcoming tr[data-course='61001']").getText()).contains("30-09-2025").contains(title);
            browser.assertAccessible();
            browser.screenshot("portal-upcoming");

            browser.get("/subscriptions");
            browser.find("#subscriptions tbody th a").click();
            browser.find("#delete-subscription").click();
            browser.await("#confirm-delete");
            browser.assertAccessible();
            browser.screenshot("portal-delete");

            browser.get("/subscriptions?lang=en");
            browser.assertAccessible();
        }
    }

    @Test
    void shouldSendATestMessageAndShowADeliverysAttemptsInTheBrowser() throws Exception {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(LocalDate.of(2025, 3, 1));
        try (var receiver = WebhookReceiver.start(); var events = new Events()) {
            var key = notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN,
                    Map.of("name", "Testbeskedskolen", "email", "it@example.org")).body().get("apiKey").asString();
            var created = notifier.api().post("/api/subscriptions", key, Map.of("fkbCodes", java.util.List.of(fkb),
                    "webhookUrl", receiver.url())).body();
            var subscription = created.get("id").asString();
            receiver.trust(created.get("webhookSecret").asString());
            receiver.answer(200, "modtaget af testmodtageren");
            receiver.answer(500, "midlertidig fejl");
            receiver.answer(200, "tak");

            try (var browser = PortalBrowser.open(notifier.port())) {
                browser.signIn(key);
                browser.get("/subscriptions/" + subscription);
                browser.find("#send-test").click();
                browser.await("#test-status");
                assertThat(browser.find("#test-status").getText()).isEqualTo("200");
                assertThat(browser.find("#test-excerpt").getText()).isEqualTo("modtaget af testmodtageren");
                assertThat(browser.currentPath()).as("htmx put the answer in the page").isEqualTo("/subscriptions/" + subscription);
                browser.assertAccessible();
                browser.screenshot("portal-test-message");
                assertThat(receiver.received()).hasSize(1);
                assertThat(receiver.received().get(0).signatureValid()).isTrue();

                events.ingest(fkb, clock.instant(), Events.revised(title, LocalDate.of(2025, 3, 1)));
                notifier.settle();
                clock.advance(java.time.Duration.ofSeconds(6));
                notifier.settle();
                browser.get("/deliveries");
                browser.assertAccessible();
                browser.find("#deliveries tbody a").click();
                browser.await("#attempts");
                assertThat(browser.findAll("#attempts tbody tr")).hasSize(2);
                assertThat(browser.find("#attempts tbody tr[data-attempt='1'] .answer").getText()).startsWith("500");
                assertThat(browser.find("#attempts tbody tr[data-attempt='2'] .answer").getText()).isEqualTo("200");
                browser.assertAccessible();
                browser.screenshot("portal-delivery");
                browser.get("/deliveries?status=DEAD");
                browser.assertAccessible();
            }
        }
    }

    @Test
    void shouldFailAPageOnWhichAxeFindsSeriousViolations() {
        var page = "<!DOCTYPE html><title>Uden etiketter</title><main><input type=\"text\"><img src=\"x.png\"></main>";
        try (var browser = PortalBrowser.open(RunningNotifier.shared().port())) {
            browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
            assertThatThrownBy(browser::assertAccessible).hasMessageContaining("- label (critical)")
                    .hasMessageContaining("- image-alt (critical)").hasMessageContaining("[input]");
        }
    }

    @Test
    void shouldKeepTheOperatorsPagesAccessible() {
        var notifier = RunningNotifier.shared();
        try (var browser = PortalBrowser.open(notifier.port())) {
            browser.get("/operator/login");
            browser.assertAccessible();
            browser.signInAsOperator(RunningNotifier.ADMIN_TOKEN);
            browser.assertAccessible();
            browser.find("#create-school").click();
            browser.await("#name-error");
            browser.assertAccessible();
            browser.get("/mail");
            browser.assertAccessible();
        }
    }
}
