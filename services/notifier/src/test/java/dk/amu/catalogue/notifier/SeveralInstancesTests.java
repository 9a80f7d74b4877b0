package dk.amu.catalogue.notifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.notifier.support.Api;
import dk.amu.catalogue.notifier.support.Events;
import dk.amu.catalogue.notifier.support.RunningNotifier;
import dk.amu.catalogue.notifier.warnings.WarningRun;
import dk.amu.catalogue.notifier.webhooks.WebhookDispatcher;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.MutableClock;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dk.amu.catalogue.notifier.support.Events.endScheduled;
import static dk.amu.catalogue.notifier.support.Events.linked;
import static dk.amu.catalogue.notifier.support.Events.revised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notifier instances in one consumer group on one database, as a scaled-out notifier runs: a
 * subscription made through one is matched by the other, the dispatchers of both send at the same
 * time without sending anything twice or out of order, the work an instance left claimed when it
 * died is taken over once its claim runs out, and warning runs of both record each warning once.
 */
@ExtendWith(CatalogueInfrastructure.class)
class SeveralInstancesTests {

    static final LocalDate START = LocalDate.of(2025, 3, 1);

    static final MutableClock clock = MutableClock.at(START);

    static RunningNotifier first;

    static RunningNotifier second;

    static Events events;

    static JdbcTemplate jdbc;

    Receiver receiver;

    @BeforeAll
    static void startTwoInstances() {
        // retries fall due at once and are not spread, and each instance claims few endpoints per round: so both
        // instances find work, and an endpoint's failed delivery is retried while its later ones wait
        var settings = Map.<String, Object>of("catalogue.notifier.webhooks.retry-delays", "0s,0s,0s,0s",
                "catalogue.notifier.webhooks.jitter", 0, "catalogue.notifier.webhooks.concurrency", 1,
                "catalogue.notifier.mail.directory", "target/mail-" + UUID.randomUUID());
        first = RunningNotifier.start(clock, settings);
        second = RunningNotifier.start(clock, settings);
        jdbc = first.bean(JdbcTemplate.class);
        events = new Events();
    }

    @AfterAll
    static void stop() {
        events.close();
        second.close();
        first.close();
    }

    @BeforeEach
    void startReceiver() throws IOException {
        clock.setTo(START);
        receiver = Receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldMatchSubscriptionsMadeAndDeletedThroughTheOtherInstance() {
        var fkb = fkb();
        var viaFirst = subscribe(first.api(), fkb, receiver.url("first"));
        var viaSecond = subscribe(second.api(), fkb, receiver.url("second"));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        events.ingest(fkb, clock.instant(), linked("1002", "E1", START, null));
        settle();
        assertThat(receiver.accepted("first")).extracting(Receiver.Request::type)
                .containsExactly("dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.CourseLinked");
        assertThat(receiver.accepted("second")).extracting(Receiver.Request::type)
                .containsExactly("dk.amu.catalogue.FkbTracked", "dk.amu.catalogue.CourseLinked");

        assertThat(first.api().delete("/api/subscriptions/" + viaFirst.id(), viaFirst.key()).status()).isEqualTo(204);
        assertThat(second.api().put("/api/subscriptions/" + viaSecond.id(), viaSecond.key(),
                Map.of("fkbCodes", List.of(fkb), "eventTypes", List.of("CourseUnlinked"), "webhookUrl",
                        receiver.url("second"))).status()).isEqualTo(200);
        events.ingest(fkb, clock.instant(), linked("1003", "E1", START, null));
        settle();
        assertThat(receiver.accepted("first")).as("deleted through the first instance").hasSize(2);
        assertThat(receiver.accepted("second")).as("narrowed through the second instance").hasSize(2);
    }

    @Test
    void shouldLoadEverySubscriptionAgainWhenTheChangesItMissedWereDropped() {
        var fkb = fkb();
        subscribe(first.api(), fkb, receiver.url("before"));
        // as if 10,000 changes had been made since: the oldest are dropped, and neither instance can catch up change by change
        jdbc.update("delete from notifier.subscription_changes");
        subscribe(second.api(), fkb, receiver.url("after"));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        settle();
        assertThat(receiver.accepted("before")).extracting(Receiver.Request::type).containsExactly("dk.amu.catalogue.FkbTracked");
        assertThat(receiver.accepted("after")).extracting(Receiver.Request::type).containsExactly("dk.amu.catalogue.FkbTracked");
    }

    @Test
    void shouldSendEveryDeliveryOnceAndInOrderWhileBothInstancesDispatch() {
        int endpoints = 12;
        int perEndpoint = 20;
        var expected = new ConcurrentHashMap<String, List<String>>();
        for (int e = 0; e < endpoints; e++) {
            var fkb = fkb();
            subscribe((e % 2 == 0 ? first : second).api(), fkb, receiver.url("e" + e));
            var order = new ArrayList<String>();
            order.add("tracked:" + fkb + ":" + events.ingest(fkb, clock.instant(), revised("FKB", START)).get(0)
                    .getSource().getIngestionId());
            var drafts = new ArrayList<dk.amu.catalogue.eventlog.EventDraft>();
            for (int i = 0; i < perEndpoint; i++) {
                drafts.add(linked(String.valueOf(2000 + i), "E1", START, null));
            }
            events.ingest(fkb, clock.instant(), drafts.toArray(dk.amu.catalogue.eventlog.EventDraft[]::new)).stream()
                    .map(CatalogueEvent::getEventId).forEach(order::add);
            expected.put("e" + e, order);
        }
        consumed();
        // every 5th delivery fails once; the first request waits until both instances hold claims, so they send side by side
        var failedOnce = ConcurrentHashMap.<String>newKeySet();
        receiver.answer(request -> {
            receiver.holdFirstUntil(() -> jdbc.queryForObject(
                    "select count(distinct instance) from notifier.delivery_claims", Integer.class) == 2);
            return Math.abs(request.webhookId().hashCode()) % 5 == 0 && failedOnce.add(request.webhookId()) ? 503 : 200;
        });

        var one = CompletableFuture.runAsync(() -> first.bean(WebhookDispatcher.class).deliverDueNow());
        var other = CompletableFuture.runAsync(() -> second.bean(WebhookDispatcher.class).deliverDueNow());
        CompletableFuture.allOf(one, other).join();
        first.bean(WebhookDispatcher.class).deliverDueNow();

        assertThat(failedOnce).isNotEmpty();
        var accepted = receiver.accepted(null);
        assertThat(accepted).extracting(Receiver.Request::webhookId).doesNotHaveDuplicates()
                .hasSize(endpoints * (perEndpoint + 1));
        expected.forEach((endpoint, order) -> assertThat(receiver.accepted(endpoint)).extracting(Receiver.Request::noticeId)
                .as("endpoint %s, in order, each once", endpoint).containsExactlyElementsOf(order));
        assertThat(jdbc.queryForObject("select count(*) from notifier.delivery_claims", Integer.class))
                .as("every claim released").isZero();
        // overlap is timing: on a busy machine one instance may claim every endpoint before the other polls;
        // the run then proves exactly-once and order above without the overlap, and says so as a skip
        assumeThat(receiver.heldUntilBothClaimed()).as("both instances held claims at the same time").isTrue();
    }

    @Test
    void shouldTakeOverTheEndpointsAnInstanceThatDiedHadClaimedOnceItsClaimRunsOut() {
        var fkb = fkb();
        var subscription = subscribe(first.api(), fkb, receiver.url("orphan"));
        jdbc.update("insert into notifier.delivery_claims (subscription_id, channel, instance, claimed_until) "
                + "values (?, 'WEBHOOK', 'an instance that died', ?)", UUID.fromString(subscription.id()),
                Timestamp.from(clock.instant().plus(Duration.ofMinutes(2))));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null));
        settle();
        assertThat(receiver.accepted("orphan")).as("claimed by the dead instance").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        settle();
        assertThat(receiver.accepted("orphan")).extracting(Receiver.Request::type).containsExactly("dk.amu.catalogue.FkbTracked");
    }

    @Test
    void shouldRecordEachWarningOnceWhenBothInstancesRunTheWarningsAtOnce() {
        var fkb = fkb();
        subscribe(second.api(), fkb, receiver.url("warned"));
        events.ingest(fkb, clock.instant(), revised("FKB", START), linked("1001", "E1", START, null),
                linked("1002", "E1", START, null));
        events.ingest(fkb, clock.instant(), endScheduled("1001", LocalDate.of(2025, 5, 15), START),
                endScheduled("1002", LocalDate.of(2025, 5, 20), START));
        settle();
        clock.setTo(LocalDate.of(2025, 5, 10));

        var one = CompletableFuture.runAsync(() -> first.bean(WarningRun.class).runOnce());
        var other = CompletableFuture.runAsync(() -> second.bean(WarningRun.class).runOnce());
        CompletableFuture.allOf(one, other).join();
        settle();

        // 75 and 80 days ahead when scheduled: the 90-day warnings; on 10 May, 5 and 10 days: the 7- and 30-day ones
        assertThat(receiver.accepted("warned")).extracting(Receiver.Request::type, r -> r.data().path("leadDays").asInt(0))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.FkbTracked", 0),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkEndScheduled", 0),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkEndScheduled", 0),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 90),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 90),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 7),
                        org.assertj.core.groups.Tuple.tuple("dk.amu.catalogue.CourseLinkExpiryWarning", 30));
    }

    private record Subscribed(String id, String key) {
    }

    private static Subscribed subscribe(Api api, String fkb, String url) {
        var school = api.post("/api/schools", RunningNotifier.ADMIN_TOKEN, Map.of("name", "School " + fkb, "email",
                "s@example.org"));
        assertThat(school.status()).isEqualTo(201);
        var key = school.body().get("apiKey").asString();
        var created = api.post("/api/subscriptions", key, Map.of("fkbCodes", List.of(fkb), "webhookUrl", url));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Subscribed(created.body().get("id").asString(), key);
    }

    private static String fkb() {
        return "fkb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void consumed() {
        var infrastructure = CatalogueInfrastructure.running();
        ConsumerGroups.awaitCaughtUp(infrastructure.bootstrapServers(), CatalogueTopics.consumerGroup("notifier"),
                CatalogueTopics.EVENTS, Duration.ofSeconds(60));
    }

    /** Everything consumed, by whichever instance has the partition; then both dispatch. */
    private static void settle() {
        consumed();
        first.bean(WebhookDispatcher.class).deliverDueNow();
        second.bean(WebhookDispatcher.class).deliverDueNow();
    }

    /** Records each request by endpoint path, and answers as the test says. */
    static final class Receiver implements AutoCloseable {

        record Request(String endpoint, String webhookId, JsonNode event, int status) {

            String type() {
                return event.get("type").asString();
            }

            String noticeId() {
                return event.get("id").asString();
            }

            JsonNode data() {
                return event.get("data");
            }
        }

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final HttpServer server;

        private final List<Request> requests = new CopyOnWriteArrayList<>();

        private volatile Function<Request, Integer> answer = request -> 200;

        private final java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);

        private volatile boolean heldUntilBothClaimed;

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var receiver = new Receiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return receiver;
        }

        String url(String endpoint) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + endpoint;
        }

        void answer(Function<Request, Integer> answer) {
            this.answer = answer;
        }

        /** Holds the first request (so its instance keeps its claims) until the condition holds, for up to 30 s. */
        void holdFirstUntil(java.util.concurrent.Callable<Boolean> condition) {
            if (first.compareAndSet(true, false)) {
                try {
                    // well inside the sender's 10 s request timeout: a held request that timed out would be sent again
                    await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(20)).until(condition);
                    heldUntilBothClaimed = true;
                }
                catch (org.awaitility.core.ConditionTimeoutException ex) {
                    heldUntilBothClaimed = false;
                }
            }
        }

        boolean heldUntilBothClaimed() {
            return heldUntilBothClaimed;
        }

        /** The requests answered 2xx, in arrival order; of one endpoint, or of all with null. */
        List<Request> accepted(String endpoint) {
            return requests.stream().filter(r -> r.status() / 100 == 2)
                    .filter(r -> endpoint == null || r.endpoint().equals(endpoint)).toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            var body = exchange.getRequestBody().readAllBytes();
            var endpoint = exchange.getRequestURI().getPath().substring(1);
            var request = new Request(endpoint, exchange.getRequestHeaders().getFirst("webhook-id"), JSON.readTree(body), 0);
            int status = answer.apply(request);
            // recorded before the answer leaves: once the sender has its answer, the request is in the list
            requests.add(new Request(endpoint, request.webhookId(), request.event(), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
