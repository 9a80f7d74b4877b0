package dk.amu.catalogue.notifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.endWithdrawn;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;

/** A delivery's attempts as its school sees them, what other schools see of it, and the list read a page at a time. */
@ExtendWith(CatalogueInfrastructure.class)
class DeliveryHistoryTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static Events events;

    RunningNotifier notifier;

    MutableClock clock;

    Api api;

    WebhookReceiver receiver;

    String fkb = "history-" + UUID.randomUUID().toString().substring(0, 8);

    String key;

    String subscription;

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
        notifier = RunningNotifier.shared();
        clock = RunningNotifier.sharedClock();
        clock.setTo(START);
        api = notifier.api();
        receiver = WebhookReceiver.start();
        key = school("History " + fkb);
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", receiver.url()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        subscription = created.body().get("id").asString();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldShowEachAttemptNewestFirstWithTheReceiversAnswerAndTheNextTryWhilePending() {
        receiver.answer(500, "database down, try later");
        receiver.answer(200, "thanks");
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        notifier.settle();
        var firstTry = clock.instant();
        var id = only(list("")).get("id").asLong();

        var pending = detail(id, key);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.body().get("delivery").get("status").asString()).isEqualTo("PENDING");
        var next = Instant.parse(pending.body().get("nextAttemptAt").asString());
        assertThat(next).isAfter(firstTry).isEqualTo(Instant.parse(pending.body().get("delivery").get("nextAttemptAt").asString()));
        var failed = pending.body().get("attempts");
        assertThat(failed).hasSize(1);
        assertAttempt(failed.get(0), 1, firstTry, 500, "database down, try later");
        assertThat(failed.get(0).get("error").asString()).contains("HTTP 500");

        clock.advance(Duration.ofSeconds(6));
        notifier.settle();
        var delivered = detail(id, key).body();
        assertThat(delivered.get("delivery").get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("nextAttemptAt").isNull()).as("a delivered one is not tried again").isTrue();
        var attempts = delivered.get("attempts");
        assertThat(attempts).hasSize(2);
        assertAttempt(attempts.get(0), 2, clock.instant(), 200, "thanks");
        assertThat(attempts.get(0).get("error").isNull()).isTrue();
        assertAttempt(attempts.get(1), 1, firstTry, 500, "database down, try later");
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void shouldKeepTheStartOfALongAnswerOnly() {
        receiver.answer(500, "x".repeat(2000));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        notifier.settle();
        var attempt = detail(only(list("")).get("id").asLong(), key).body().get("attempts").get(0);
        assertThat(attempt.get("responseExcerpt").asString()).isEqualTo("x".repeat(500));
    }

    @Test
    void shouldAnswerNotFoundForAnotherSchoolsDeliveryOrOneThatDoesNotExist() {
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        notifier.settle();
        var id = only(list("")).get("id").asLong();
        var other = school("Other " + fkb);

        var refused = detail(id, other);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().get("type").asString()).endsWith("/not-found");
        assertThat(refused.text()).doesNotContain(fkb);
        assertThat(detail(Long.MAX_VALUE, key).status()).isEqualTo(404);
        assertThat(detail(id, key).status()).isEqualTo(200);
    }

    @Test
    void shouldPageThroughTheDeliveriesNewestFirst() {
        receiver.answer(200, 500);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(1), START));
        events.ingest(fkb, clock.instant(), endWithdrawn("1001", START.plusYears(1), START));
        notifier.settle();
        // the first was delivered, the second failed, and the third waits behind it
        var all = ids(list(""));
        assertThat(all).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        var first = ids(list("limit=2"));
        assertThat(first).containsExactly(all.get(0), all.get(1));
        assertThat(ids(list("limit=2&before=" + first.get(1)))).containsExactly(all.get(2));
        assertThat(ids(list("before=" + all.get(2)))).isEmpty();
        // one subscription's, and one status's, are read a page at a time too
        assertThat(ids(list("subscription=" + subscription + "&before=" + all.get(0)))).containsExactly(all.get(1), all.get(2));
        assertThat(ids(list("status=PENDING"))).containsExactly(all.get(0), all.get(1));
        assertThat(ids(list("status=PENDING&before=" + all.get(0)))).containsExactly(all.get(1));
        assertThat(ids(list("status=DELIVERED&before=" + all.get(1)))).containsExactly(all.get(2));
        assertThat(ids(list("status=DELIVERED&before=" + all.get(2)))).isEmpty();
        var invalid = api.get("/api/deliveries?before=x", key);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("before");
    }

    private static void assertAttempt(JsonNode attempt, int number, Instant at, int status, String excerpt) {
        assertThat(attempt.get("attempt").asInt()).isEqualTo(number);
        assertThat(Instant.parse(attempt.get("attemptedAt").asString())).as("the catalogue clock").isEqualTo(at);
        assertThat(attempt.get("statusCode").asInt()).isEqualTo(status);
        assertThat(attempt.get("responseExcerpt").asString()).isEqualTo(excerpt);
        assertThat(attempt.get("durationMs").asInt()).isBetween(0, 60_000);
    }

    private Api.Response detail(long id, String schoolKey) {
        return api.get("/api/deliveries/" + id, schoolKey);
    }

    /** The school's deliveries (all of its one subscription), asked for with the given query string. */
    private List<JsonNode> list(String query) {
        var response = api.get("/api/deliveries?" + query, key);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var result = new ArrayList<JsonNode>();
        response.body().forEach(result::add);
        return result;
    }

    private static List<Long> ids(List<JsonNode> deliveries) {
        return deliveries.stream().map(d -> d.get("id").asLong()).toList();
    }

    private static JsonNode only(List<JsonNode> deliveries) {
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    private String school(String name) {
        var created = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", name, "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("apiKey").asString();
    }
}
