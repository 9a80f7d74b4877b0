package dk.amu.catalogue.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.notifier.support.WebhookReceiver.Received;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real deliveries, made while the catalogue clock stands years away from now, checked as a school's
 * developer checks them: with the official Standard Webhooks library, whose {@code verify} holds the
 * timestamp against this machine's clock (five minutes either way), and the official CloudEvents SDK
 * in structured mode. Neither library shares any code with the notifier.
 */
@ExtendWith(CatalogueInfrastructure.class)
class OfficialVerifiersTests {

    /** Years before any machine running these tests: a demo's or a staging system's moved clock. */
    static final LocalDate MOVED = LocalDate.of(2019, 3, 1);

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static RunningNotifier notifier;

    static MutableClock clock;

    static Events events;

    final String fkb = "sdk-" + UUID.randomUUID().toString().substring(0, 8);

    Api api;

    WebhookReceiver receiver;

    String key;

    @BeforeAll
    static void startNotifier() {
        notifier = RunningNotifier.shared();
        clock = RunningNotifier.sharedClock();
        events = new Events();
    }

    @AfterAll
    static void stopWriter() {
        events.close();
    }

    @BeforeEach
    void school() throws Exception {
        clock.setTo(MOVED);
        api = notifier.api();
        receiver = WebhookReceiver.start();
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "SDK " + fkb, "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        key = created.body().get("apiKey").asString();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldBeAcceptedByTheOfficialLibrariesWhileTheCatalogueClockIsYearsAway() throws Exception {
        var secret = subscribe().body().get("webhookSecret").asString();
        var recorded = clock.instant();
        receiver.answer(500);
        events.ingest(fkb, recorded, revised("SDK-FKB", MOVED), linked("3001", "E1", MOVED, null));
        events.ingest(fkb, recorded, endScheduled("3001", MOVED.plusMonths(4), MOVED));
        notifier.settle();
        // the first delivery failed; its retry is due five seconds later on the catalogue clock
        clock.advance(Duration.ofSeconds(6));
        notifier.settle();

        var received = receiver.received();
        assertThat(received).extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked",
                "dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.CourseLinkEndScheduled");
        var webhook = new Webhook(secret);
        for (var delivery : received) {
            // throws on a bad signature and on a timestamp more than five minutes from this machine's clock
            webhook.verify(new String(delivery.body(), StandardCharsets.UTF_8), delivery.headers());
            assertThat(delivery.headers().allValues("Content-Type")).containsExactly(CONTENT_TYPE);

            var format = EventFormatProvider.getInstance().resolveFormat(delivery.headers().firstValue("Content-Type").orElseThrow());
            assertThat(format).isInstanceOf(JsonFormat.class);
            CloudEvent event = format.deserialize(delivery.body());
            assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
            assertThat(event.getType()).isEqualTo(delivery.type());
            assertThat(event.getSource().toString()).isEqualTo("/amu-catalogue/fkbs/" + fkb);
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            var data = JSON.readTree(event.getData().toBytes());
            assertThat(data.get("fkbCode").asString()).isEqualTo(fkb);
            // the event's time is catalogue time: when the catalogue recorded the change, in 2019
            assertThat(event.getTime().toInstant()).isEqualTo(recorded);
        }
        assertThat(JSON.readTree(format(received.get(2)).getData().toBytes()).get("linkedTo").asString())
                .isEqualTo(MOVED.plusMonths(4).toString());
    }

    @Test
    void shouldSignWithTheRotatedSecretsForTheOverlapMeasuredOnTheCatalogueClock() throws Exception {
        var subscription = subscribe().body();
        var old = subscription.get("webhookSecret").asString();
        var rotated = api.post("/api/subscriptions/" + subscription.get("id").asString() + "/secret", key, null);
        assertThat(rotated.status()).isEqualTo(200);
        var current = rotated.body().get("webhookSecret").asString();
        assertThat(current).isNotEqualTo(old);

        events.ingest(fkb, clock.instant(), revised("SDK-FKB", MOVED), linked("3001", "E1", MOVED, null));
        notifier.settle();
        // a day and an hour later by the catalogue clock, however little time passed on this machine's
        clock.advance(Duration.ofHours(25));
        events.ingest(fkb, clock.instant(), endScheduled("3001", MOVED.plusMonths(4), MOVED));
        notifier.settle();

        var received = receiver.received();
        assertThat(received).hasSize(2);
        var during = received.get(0);
        var after = received.get(1);
        new Webhook(current).verify(text(during), during.headers());
        new Webhook(old).verify(text(during), during.headers());
        new Webhook(current).verify(text(after), after.headers());
        assertThatThrownBy(() -> new Webhook(old).verify(text(after), after.headers()))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("No matching signature");
    }

    private Api.Response subscribe() {
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private static CloudEvent format(Received delivery) {
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(delivery.body());
    }

    private static String text(Received delivery) {
        return new String(delivery.body(), StandardCharsets.UTF_8);
    }
}
