package dk.amu.catalogue.notifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Send a test message": signed and sent like a delivery, checked by the official Standard Webhooks
 * library and CloudEvents SDK, and answered at once, while the outbox and the deliveries waiting in it
 * stay exactly as they were.
 */
@ExtendWith(CatalogueInfrastructure.class)
class TestMessageTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static Events events;

    RunningNotifier notifier;

    MutableClock clock;

    Api api;

    WebhookReceiver receiver;

    String fkb = "test-" + UUID.randomUUID().toString().substring(0, 8);

    String key;

    String subscription;

    String secret;

    @BeforeAll
    static void startWriter() {
        events = new Events();
    }

    @AfterAll
    static void stopWriter() {
        events.close();
    }

    @BeforeEach
    void subscribe() throws Exception {
        // after the test that runs a notifier of its own, this starts the shared one again
        notifier = RunningNotifier.shared();
        clock = RunningNotifier.sharedClock();
        clock.setTo(START);
        api = notifier.api();
        receiver = WebhookReceiver.start();
        key = school("Test " + fkb);
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        subscription = created.body().get("id").asString();
        secret = created.body().get("webhookSecret").asString();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldSendASignedTestEventAndAnswerWhatTheReceiverSaid() throws Exception {
        receiver.answer(202, "got it");
        var result = test(subscription, key);
        assertThat(result.status()).as(result.text()).isEqualTo(200);
        var answer = result.body();
        assertThat(answer.get("delivered").asBoolean()).isTrue();
        assertThat(answer.get("status").asInt()).isEqualTo(202);
        assertThat(answer.get("error").isNull()).isTrue();
        assertThat(answer.get("responseExcerpt").asString()).isEqualTo("got it");
        assertThat(answer.get("durationMs").asInt()).isBetween(0, 60_000);

        var received = receiver.received();
        assertThat(received).hasSize(1);
        var message = received.get(0);
        assertThat(message.webhookId()).isEqualTo(answer.get("messageId").asString());
        // throws on a bad signature, and on a timestamp five minutes away from this machine's clock
        new Webhook(secret).verify(new String(message.body(), StandardCharsets.UTF_8), message.headers());
        var event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(message.body());
        assertThat(event.getType()).isEqualTo("dk.amu.catalogue.Test");
        assertThat(event.getSubject()).isEqualTo(subscription);
        assertThat(event.getTime().toInstant()).as("business time: the catalogue clock").isEqualTo(clock.instant());
        assertThat(message.data().get("text").asString()).contains("Testbesked").contains("Test message");

        assertThat(api.get("/api/deliveries?subscription=" + subscription, key).body()).isEmpty();
        assertThat(jdbc().queryForObject("select count(*) from notifier.notices where subscription_id = ?::uuid", Long.class,
                subscription)).isZero();
    }

    @Test
    void shouldLeaveAWaitingDeliveryAndItsRetryAsTheyWere() {
        receiver.answer(500);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        notifier.settle();
        var before = onlyDelivery();
        var failingSince = failingSince();
        assertThat(before.get("status").asString()).isEqualTo("PENDING");
        assertThat(failingSince).isNotNull();

        var messageIds = new java.util.HashSet<String>();
        for (int i = 0; i < 2; i++) {
            var result = test(subscription, key);
            assertThat(result.body().get("status").asInt()).isEqualTo(200);
            messageIds.add(result.body().get("messageId").asString());
        }

        assertThat(messageIds).as("each test is a message of its own").hasSize(2);
        assertThat(onlyDelivery()).isEqualTo(before);
        assertThat(failingSince()).isEqualTo(failingSince);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::type)
                .containsExactly("dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.Test", "dk.amu.catalogue.Test");
        // the delivery's retry is still the next thing sent, when it is due
        clock.advance(Duration.ofSeconds(6));
        notifier.settle();
        assertThat(onlyDelivery().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(receiver.received()).hasSize(4);
    }

    @Test
    void shouldAnswerTheReceiversFailure() {
        receiver.answer(503, "busy, come back later");
        var answer = test(subscription, key).body();
        assertThat(answer.get("delivered").asBoolean()).isFalse();
        assertThat(answer.get("status").asInt()).isEqualTo(503);
        assertThat(answer.get("error").asString()).contains("HTTP 503");
        assertThat(answer.get("responseExcerpt").asString()).isEqualTo("busy, come back later");
    }

    @Test
    void shouldRefuseASubscriptionWithoutWebhookAndAnotherSchoolsOrNone() {
        var mailOnly = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "email", "t@example.org"));
        var refused = test(mailOnly.body().get("id").asString(), key);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).isEqualTo("the subscription has no webhook URL");

        var other = school("Other " + fkb);
        assertThat(test(subscription, other).status()).isEqualTo(404);
        assertThat(test(UUID.randomUUID().toString(), key).status()).isEqualTo(404);
        assertThat(test(subscription, null).status()).isEqualTo(401);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void shouldAnswerTheGuardsRefusalOfAnInternalAddress() {
        // made while internal targets were allowed, as the tests allow them; then the guard is switched on
        try (var guarded = RunningNotifier.start(RunningNotifier.sharedClock(),
                Map.of("catalogue.notifier.allow-private-targets", false))) {
            var result = guarded.api().post("/api/subscriptions/" + subscription + "/test", key, null);
            assertThat(result.status()).as(result.text()).isEqualTo(200);
            var answer = result.body();
            assertThat(answer.get("delivered").asBoolean()).isFalse();
            assertThat(answer.get("status").isNull()).as("no request was made").isTrue();
            assertThat(answer.get("error").asString()).contains("127.0.0.1").contains("internal address");
        }
        assertThat(receiver.received()).isEmpty();
    }

    private Api.Response test(String id, String schoolKey) {
        return api.post("/api/subscriptions/" + id + "/test", schoolKey, null);
    }

    private JsonNode onlyDelivery() {
        var list = api.get("/api/deliveries?subscription=" + subscription, key).body();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private java.time.Instant failingSince() {
        return notifier.bean(SubscriptionRepository.class).byId(UUID.fromString(subscription)).orElseThrow().failingSince();
    }

    private JdbcTemplate jdbc() {
        return notifier.bean(JdbcTemplate.class);
    }

    private String school(String name) {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("apiKey").asString();
    }
}
