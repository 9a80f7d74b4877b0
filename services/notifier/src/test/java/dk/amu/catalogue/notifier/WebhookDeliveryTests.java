package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.notifier.support.WebhookReceiver.Received;
import dk.amu.catalogue.notifier.subscriptions.SubscriptionRepository;
import dk.amu.catalogue.notifier.warnings.WarningRun;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.endWithdrawn;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** Delivery rules against a real receiver: retries, 410, dead letters and redrive, warnings and their withdrawal, keys kept out of logs. */
@ExtendWith({ CatalogueInfrastructure.class, OutputCaptureExtension.class })
class WebhookDeliveryTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static MutableClock clock;

    static RunningNotifier notifier;

    static Events events;

    Api api;

    WebhookReceiver receiver;

    String fkb = "fkb-" + UUID.randomUUID().toString().substring(0, 8);

    String key;

    String subscription;

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
    void subscribe() throws Exception {
        clock.setTo(START);
        api = notifier.api();
        receiver = WebhookReceiver.start();
        key = school("School " + fkb);
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        subscription = created.body().get("id").asString();
        receiver.trust(created.body().get("webhookSecret").asString());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldRetryWithTheSameWebhookIdAndGrowingDelaysUntilTheReceiverAnswers2xx() {
        receiver.answer(500, 500, 500);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        settle();
        assertThat(receiver.received()).hasSize(1);
        var waits = new java.util.ArrayList<Duration>();
        waits.add(waitAfterLastAttempt());
        assertThat(dispatcher().deliverDueNow()).as("nothing is due before the first wait").isZero();
        clock.advance(Duration.ofSeconds(6));
        settle();
        waits.add(waitAfterLastAttempt());
        clock.advance(Duration.ofMinutes(6));
        settle();
        waits.add(waitAfterLastAttempt());
        assertThat(dispatcher().deliverDueNow()).isZero();
        clock.advance(Duration.ofMinutes(35));
        settle();
        clock.advance(Duration.ofHours(3));
        settle();

        var received = receiver.received();
        assertThat(received).hasSize(4).allMatch(Received::signatureValid);
        assertThat(received).extracting(Received::webhookId).containsOnly(received.get(0).webhookId());
        // the schedule is on the catalogue clock: 5 s, 5 min, 30 min, each spread by up to a tenth
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
        assertThat(waits.get(2)).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33));
        // transport time is not: every attempt is stamped with the wall clock, hours of catalogue time apart or not
        assertThat(received).allSatisfy(r -> assertThat(r.timestamp())
                .isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.api.Assertions.within(120L)));
        assertThat(deliveries("DELIVERED")).hasSize(1);
    }

    /** The wait the pending delivery was given, checking that its last attempt was at the catalogue clock's now. */
    private Duration waitAfterLastAttempt() {
        var pending = deliveries("PENDING");
        assertThat(pending).hasSize(1);
        var last = java.time.Instant.parse(pending.get(0).get("lastAttemptAt").asString());
        assertThat(last).isEqualTo(clock.instant());
        return Duration.between(last, java.time.Instant.parse(pending.get(0).get("nextAttemptAt").asString()));
    }

    @Test
    void shouldForgetAnEndpointsFailureOnlyWhenItsLastAttemptSucceeds() {
        var subscriptions = notifier.bean(SubscriptionRepository.class);
        var id = UUID.fromString(subscription);
        receiver.answer(200, 500);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(1), START));
        settle();
        assertThat(receiver.received()).hasSize(2);
        assertThat(subscriptions.byId(id).orElseThrow().failingSince()).as("the second of two attempts failed").isNotNull();

        clock.advance(Duration.ofSeconds(6));
        settle();
        assertThat(deliveries("DELIVERED")).hasSize(2);
        assertThat(subscriptions.byId(id).orElseThrow().failingSince()).as("the retry succeeded").isNull();
    }

    @Test
    void shouldDisableTheEndpointOn410AndSendAgainOnlyAfterAnUpdate() {
        receiver.answer(410);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        settle();
        assertThat(receiver.received()).hasSize(1);
        var view = api.get("/api/subscriptions/" + subscription, key);
        assertThat(view.body().get("disabledAt").isNull()).isFalse();
        assertThat(view.body().get("disabledReason").asString()).contains("410");
        clock.advance(Duration.ofDays(1));
        events.ingest(fkb, clock.instant(), linked("1002", "E1", START, null));
        settle();
        assertThat(receiver.received()).hasSize(1);

        var updated = api.put("/api/subscriptions/" + subscription, key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(updated.status()).isEqualTo(200);
        settle();
        assertThat(receiver.received()).hasSize(3).extracting(Received::type)
                .containsExactly("dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.CourseLinked");
    }

    @Test
    void shouldMakeADeliveryDeadAfterTheLastRetryListItAndRedriveIt() {
        receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 503, 503, 503, 503, 503, 503, 503, 503);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        settle();
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofHours(12));
            settle();
        }
        assertThat(receiver.received()).hasSize(8);
        var dead = deliveries("DEAD");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).get("attempts").asInt()).isEqualTo(8);

        var redrive = api.post("/api/deliveries/" + dead.get(0).get("id").asLong() + "/redrive", key, null);
        assertThat(redrive.status()).isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            settle();
            clock.advance(Duration.ofHours(12));
        }
        assertThat(deliveries("DEAD")).hasSize(1);
        var since = api.post("/api/deliveries/redrive?since=" + START, key, null);
        assertThat(since.body().get("count").asInt()).isEqualTo(1);
        settle();
        assertThat(deliveries("DELIVERED")).hasSize(1);
        assertThat(receiver.received()).hasSize(17);
    }

    @Test
    void shouldWarnOnceAtTheShortestPassedLeadTimeAndCorrectAWithdrawnEnd() {
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        clock.setTo(LocalDate.of(2025, 4, 1));
        // 20 days ahead: 90 and 30 have passed at once; only the 30-day warning is sent
        events.ingest(fkb, clock.instant(), endScheduled("1001", LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 1)));
        settle();
        clock.setTo(LocalDate.of(2025, 4, 10));
        settle();
        clock.setTo(LocalDate.of(2025, 4, 15));
        settle();
        settle();
        events.ingest(fkb, clock.instant(), endWithdrawn("1001", LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 15)));
        settle();
        assertThat(receiver.received()).extracting(Received::type, r -> r.data().path("leadDays").asInt(0)).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.FkbTracked", 0),
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkEndScheduled", 0),
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 30),
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 7),
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkEndWithdrawn", 0),
                org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.ExpiryWarningWithdrawn", 0));
    }

    @Test
    void shouldNeverWriteKeysOrSecretsToTheLog(CapturedOutput output) {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "Logged", "email", "l@example.org"));
        var schoolKey = created.body().get("apiKey").asString();
        var sub = api.post("/api/subscriptions", schoolKey, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        var secret = sub.body().get("webhookSecret").asString();
        api.get("/api/subscriptions", "amuk_wrong");
        api.post("/api/schools", schoolKey, Map.of("name", "x", "email", "x@example.org"));
        receiver.answer(500, 500);
        events.ingest(fkb, clock.instant(), revised("FKB", START));
        settle();
        var rotated = api.post("/api/schools/" + created.body().get("id").asString() + "/key", RunningNotifier.ADMIN_TOKEN, null);
        assertThat(output.getAll()).doesNotContain(schoolKey, secret, secret.substring(6), RunningNotifier.ADMIN_TOKEN,
                rotated.body().get("apiKey").asString());
    }

    private List<tools.jackson.databind.JsonNode> deliveries(String status) {
        var list = api.get("/api/deliveries?status=" + status + "&subscription=" + subscription, key);
        assertThat(list.status()).isEqualTo(200);
        var result = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        list.body().forEach(result::add);
        return result;
    }

    private String school(String name) {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("apiKey").asString();
    }

    private static WebhookDispatcher dispatcher() {
        return notifier.bean(WebhookDispatcher.class);
    }

    static void settle() {
        notifier.settle();
    }
}
