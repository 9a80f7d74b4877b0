package dk.amu.catalogue.notifier.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.PortalClient;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's deliveries as a school reads them: each attempt with the receiver's answer and the
 * next retry, the filter by status, redriving the dead ones, and "Send testbesked", which shows the
 * answer and leaves the deliveries as they were. Another school sees none of it.
 */
@ExtendWith(CatalogueInfrastructure.class)
class PortalDeliveriesTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static Events events;

    @BeforeAll
    static void startWriter() {
        events = new Events();
    }

    @AfterAll
    static void stopWriter() {
        events.close();
    }

    @Test
    void shouldShowTheAttemptsOfADeliveryAnswered500ThenRetried() throws Exception {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(START);
        var fkb = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        try (var receiver = WebhookReceiver.start()) {
            var key = school(notifier, "Forsøgsskolen");
            notifier.api().post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
            receiver.answer(500, "databasen er nede");
            receiver.answer(200, "tak");
            events.ingest(fkb, clock.instant(), revised("Portal-FKB", START), linked("1001", "E1", START, null));
            notifier.settle();
            var browser = new PortalClient(notifier.port()).signIn(key);

            var list = browser.get("/deliveries");
            assertThat(list.status()).isEqualTo(200);
            var id = firstDelivery(list.body());
            assertThat(list.body()).contains("data-status=\"PENDING\"").contains("Venter");
            var pending = browser.get("/deliveries/" + id);
            assertThat(pending.body()).contains("id=\"next-attempt\"").contains("databasen er nede").contains("500");

            clock.advance(Duration.ofSeconds(6));
            notifier.settle();
            var delivered = browser.get("/deliveries/" + id).body();
            assertThat(delivered).contains("Leveret").doesNotContain("id=\"next-attempt\"");
            assertThat(Pattern.compile("data-attempt=\"(\\d+)\"").matcher(delivered).results().map(m -> m.group(1)).toList())
                    .containsExactly("2", "1");
            assertThat(delivered).contains("tak").contains("databasen er nede");
            assertThat(browser.get("/deliveries?status=DELIVERED").body()).contains("data-delivery=\"" + id + "\"");
            assertThat(browser.get("/deliveries?status=PENDING").body()).doesNotContain("data-delivery=\"" + id + "\"");

            var other = new PortalClient(notifier.port()).signIn(school(notifier, "Naboskolen"));
            assertThat(other.get("/deliveries/" + id).status()).isEqualTo(404);
            assertThat(other.get("/deliveries").body()).doesNotContain("data-delivery=\"" + id + "\"");
        }
    }

    @Test
    void shouldRedriveEveryDeadDeliveryFromTheList() throws Exception {
        var notifier = RunningNotifier.shared();
        var clock = RunningNotifier.sharedClock();
        clock.setTo(START);
        var fkb = "dead-" + UUID.randomUUID().toString().substring(0, 8);
        try (var receiver = WebhookReceiver.start()) {
            var key = school(notifier, "Opgivet-skolen");
            notifier.api().post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
            receiver.answer(500, 500, 500, 500, 500, 500, 500, 500);
            events.ingest(fkb, clock.instant(), revised("Død-FKB", START));
            notifier.settle();
            for (int i = 0; i < 8; i++) {
                clock.advance(Duration.ofHours(12));
                notifier.settle();
            }
            var browser = new PortalClient(notifier.port()).signIn(key);
            var dead = browser.get("/deliveries?status=DEAD");
            var id = firstDelivery(dead.body());
            assertThat(dead.body()).contains("Opgivet").contains("id=\"redrive-all\"");

            var redriven = browser.post("/deliveries/redrive", dead.csrf(), Map.of());
            assertThat(redriven.status()).isEqualTo(303);
            assertThat(browser.get(redriven.location()).body()).contains("1 leverance sendes igen.");
            notifier.settle();
            assertThat(browser.get("/deliveries/" + id).body()).contains("Leveret");
            assertThat(receiver.received()).hasSize(9);
        }
    }

    @Test
    void shouldSendATestMessageAndShowTheAnswerWithoutMakingADelivery() throws Exception {
        var notifier = RunningNotifier.shared();
        RunningNotifier.sharedClock().setTo(START);
        try (var receiver = WebhookReceiver.start()) {
            var key = school(notifier, "Testskolen");
            var subscription = notifier.api().post("/api/subscriptions", key, Map.of("fkbCodes", List.of("test-fkb"),
                    "webhookUrl", receiver.url())).body().get("id").asString();
            receiver.answer(202, "modtaget, tak");
            var browser = new PortalClient(notifier.port()).signIn(key);
            var csrf = browser.get("/").csrf();

            var answer = browser.post("/subscriptions/" + subscription + "/test", csrf, Map.of());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("id=\"test-status\">202<").contains("modtaget, tak").contains("Modtaget");
            assertThat(receiver.received()).hasSize(1);
            assertThat(new String(receiver.received().get(0).body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"type\":\"dk.amu.catalogue.Test\"");
            assertThat(browser.get("/deliveries").body()).contains("id=\"no-deliveries\"");

            var other = new PortalClient(notifier.port()).signIn(school(notifier, "Fremmed skole"));
            assertThat(other.post("/subscriptions/" + subscription + "/test", other.get("/").csrf(), Map.of()).status())
                    .isEqualTo(404);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private static long firstDelivery(String page) {
        var matcher = Pattern.compile("data-delivery=\"(\\d+)\"").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String school(RunningNotifier notifier, String name) {
        return notifier.api().post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "it@example.org"))
                .body().get("apiKey").asString();
    }
}
