package dk.amu.catalogue.notifier;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.support.WebhookReceiver;
import dk.amu.catalogue.notifier.support.WebhookReceiver.Received;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier with its schedulers on, as in production, so that the deliveries a batch of events
 * records are handed to the dispatcher in memory once the batch commits. The poll is an hour apart:
 * what arrives at once came through the hand-over. It still sends each webhook once and in order,
 * leaves an endpoint whose older delivery waits for a retry alone, and leaves an endpoint another
 * instance holds to that instance.
 */
@ExtendWith(CatalogueInfrastructure.class)
class HandedOverDeliveryTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static final MutableClock clock = MutableClock.at(START);

    static RunningNotifier notifier;

    static Events events;

    static JdbcTemplate jdbc;

    final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeAll
    static void startWithSchedulers() {
        notifier = RunningNotifier.start(clock, Map.of("catalogue.notifier.scheduling", true,
                "catalogue.notifier.webhooks.poll-interval", "1h",
                "catalogue.notifier.mail.directory", "target/mail-" + UUID.randomUUID()));
        jdbc = notifier.bean(JdbcTemplate.class);
        events = new Events();
    }

    @AfterAll
    static void stop() {
        events.close();
        notifier.close();
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void shouldSendEachNewWebhookOnceAndInOrderWithoutWaitingForThePoll() throws Exception {
        var fkb = fkb();
        var endpoints = List.of(receiver(), receiver(), receiver());
        var key = school();
        for (var endpoint : endpoints) {
            subscribe(key, fkb, endpoint);
        }
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        var later = events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(1), START)).get(0).getEventId();
        var latest = events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(2), START)).get(0).getEventId();

        await().atMost(Duration.ofSeconds(30)).until(() -> endpoints.stream().allMatch(e -> e.received().size() >= 3));
        for (var endpoint : endpoints) {
            var received = endpoint.received();
            assertThat(received).allMatch(Received::signatureValid).extracting(Received::webhookId).doesNotHaveDuplicates();
            assertThat(received).extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked",
                    "dk.amu.catalogue.CourseLinkEndScheduled", "dk.amu.catalogue.CourseLinkEndScheduled");
            assertThat(received.subList(1, 3)).extracting(r -> r.data().path("eventId").asString()).containsExactly(later, latest);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from notifier.delivery_claims c join notifier.subscriptions s on s.id = c.subscription_id "
                        + "where ? = any(s.fkb_codes)", Integer.class, fkb)).as("every claim released").isZero());
        assertThat(jdbc.queryForObject("select count(*) from notifier.deliveries d join notifier.subscriptions s "
                + "on s.id = d.subscription_id where ? = any(s.fkb_codes) and d.status = 'DELIVERED'", Integer.class, fkb))
                .isEqualTo(9);
    }

    @Test
    void shouldNotSendANewWebhookBeforeAnOlderOneThatWaitsForItsRetry() throws Exception {
        var fkb = fkb();
        var endpoint = receiver();
        subscribe(school(), fkb, endpoint);
        endpoint.answer(503);
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received().size() == 1);

        events.ingest(fkb, clock.instant(), endScheduled("1001", START.plusYears(1), START));
        handedOverAndSent();
        assertThat(endpoint.received()).as("the summary waits for its retry, so the change waits behind it")
                .extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked");

        clock.advance(Duration.ofSeconds(6));
        notifier.bean(WebhookDispatcher.class).deliverDueNow();
        var received = endpoint.received();
        assertThat(received).extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked",
                "dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.CourseLinkEndScheduled");
        assertThat(received.get(1).webhookId()).isEqualTo(received.get(0).webhookId());
    }

    @Test
    void shouldLeaveANewWebhookToTheInstanceThatHoldsItsEndpoint() throws Exception {
        var fkb = fkb();
        var endpoint = receiver();
        var subscription = subscribe(school(), fkb, endpoint);
        jdbc.update("insert into notifier.delivery_claims (subscription_id, channel, instance, claimed_until) "
                + "values (?, 'WEBHOOK', 'another instance', ?)", subscription, Timestamp.from(clock.instant().plus(Duration.ofMinutes(2))));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        handedOverAndSent();
        assertThat(endpoint.received()).as("held by another instance").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        notifier.bean(WebhookDispatcher.class).deliverDueNow();
        assertThat(endpoint.received()).extracting(Received::type).containsExactly("dk.amu.catalogue.FkbTracked");
    }

    /**
     * Every event is applied, and so handed over before its batch's offsets were committed; a run of
     * the dispatcher, which waits for one under way, has then dealt with all that was handed over.
     */
    private static void handedOverAndSent() {
        var infrastructure = CatalogueInfrastructure.running();
        ConsumerGroups.awaitCaughtUp(infrastructure.bootstrapServers(), CatalogueTopics.consumerGroup("notifier"),
                CatalogueTopics.EVENTS, Duration.ofSeconds(60));
        notifier.bean(WebhookDispatcher.class).deliverDueNow();
    }

    private WebhookReceiver receiver() throws Exception {
        var receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private static String school() {
        var created = api().post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "School", "email", "s@example.org"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("apiKey").asString();
    }

    private static UUID subscribe(String key, String fkb, WebhookReceiver endpoint) {
        var created = api().post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", endpoint.url()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        endpoint.trust(created.body().get("webhookSecret").asString());
        return UUID.fromString(created.body().get("id").asString());
    }

    private static Api api() {
        return notifier.api();
    }

    private static String fkb() {
        return "fkb-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
