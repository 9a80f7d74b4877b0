package dk.amu.catalogue.standalone.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.ingest.ingestion.DocumentSubmission;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.ingest.ingestion.PublishFailedException;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.MutableClock;
import dk.amu.catalogue.testkit.ReadModelFingerprint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scaled-out system: two instances each of ingest, projections and notifier on one broker and
 * one database. Two ingest instances write revisions of the same FKBs at the same time (each FKB
 * through one transactional id, so they fence each other); a third of the way in, a rebuild runs on
 * one projections instance while the other keeps consuming; two thirds in, one projections and one
 * notifier instance are stopped, and the others take over their partitions and deliveries. Every
 * projections and notifier instance is a static group member ({@code catalogue.instance-id}), as in
 * compose: a stopped one leaves its group explicitly, and the rebuild's stop and start of the live
 * container keeps the membership.
 *
 * <p>Then: every FKB's chain is gapless and holds each published event once; the projections
 * equal a clean rebuild and show each FKB as its last document says; each webhook the log calls for
 * was accepted exactly once, in order per endpoint and FKB, and no notice was recorded twice.
 */
@ExtendWith(CatalogueInfrastructure.class)
class ScaleOutTests {

    static final int FKBS = 5;

    static final int REVISIONS = 12;

    static final HttpClient http = HttpClient.newHttpClient();

    static final JsonMapper json = JsonMapper.builder().build();

    final MutableClock clock = MutableClock.at(LocalDate.of(2025, 3, 1));

    final String run = UUID.randomUUID().toString().substring(0, 8);

    final List<ConfigurableApplicationContext> running = new ArrayList<>();

    WebhookLog webhooks;

    @AfterEach
    void stopEverything() {
        running.forEach(ConfigurableApplicationContext::close);
        if (webhooks != null) {
            webhooks.close();
        }
    }

    @Test
    void shouldApplyAndDeliverEverythingOnceWhileInstancesRebalanceAndOneRebuilds() throws Exception {
        webhooks = WebhookLog.start();
        var mail = "target/scale-out-mail-" + run;
        var projections = List.of(CompletableFuture.supplyAsync(() -> Instances.projections(clock, "projections-1")),
                CompletableFuture.supplyAsync(() -> Instances.projections(clock, "projections-2")));
        var notifiers = List.of(CompletableFuture.supplyAsync(() -> Instances.notifier(clock, mail, "notifier-1")),
                CompletableFuture.supplyAsync(() -> Instances.notifier(clock, mail, "notifier-2")));
        var ingests = List.of(Instances.ingest(clock), Instances.ingest(clock));
        running.addAll(ingests);
        var projections1 = started(projections.get(0));
        var projections2 = started(projections.get(1));
        var notifier1 = started(notifiers.get(0));
        var notifier2 = started(notifiers.get(1));

        var fkbs = new ArrayList<String>();
        for (int f = 0; f < FKBS; f++) {
            fkbs.add("scale-" + run + "-" + f);
        }
        var subscriptions = subscribe(fkbs, notifier1, notifier2);

        var rebuildStarted = new CountDownLatch(1);
        var instancesStopping = new CountDownLatch(1);
        var atFirstThird = new CountDownLatch(2);
        var atSecondThird = new CountDownLatch(2);
        var reports = new ConcurrentLinkedQueue<IngestionReport>();
        var retries = new AtomicInteger();
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (int w = 0; w < 2; w++) {
            var ingestion = ingests.get(w).getBean(IngestionService.class);
            var documents = new ArrayList<DocumentSubmission>();
            for (int r = w; r < REVISIONS; r += 2) {
                for (int f = 0; f < FKBS; f++) {
                    documents.add(new DocumentSubmission(fkbs.get(f), Documents.revision(f, r).getBytes(StandardCharsets.UTF_8),
                            "revision-" + r + ".txt", null, true));
                }
            }
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < documents.size(); i++) {
                    if (i == documents.size() / 3) {
                        pass(atFirstThird, rebuildStarted);
                    }
                    if (i == documents.size() * 2 / 3) {
                        pass(atSecondThird, instancesStopping);
                    }
                    reports.add(ingest(ingestion, documents.get(i), retries));
                }
            }));
        }

        assertThat(atFirstThird.await(2, TimeUnit.MINUTES)).as("both writers a third in").isTrue();
        var rebuild = post(projections1, "/api/admin/rebuild");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        var second = post(projections2, "/api/admin/rebuild");
        assertThat(second.statusCode()).as("one rebuild at a time, across instances: " + second.body()).isEqualTo(409);
        rebuildStarted.countDown();
        await().atMost(Duration.ofMinutes(2)).until(() -> json.readTree(get(projections1, "/api/admin/rebuild"))
                .get("state").asString(), state -> state.equals("DONE"));

        assertThat(atSecondThird.await(2, TimeUnit.MINUTES)).as("both writers two thirds in").isTrue();
        instancesStopping.countDown();
        stop(projections2);
        stop(notifier2);
        // static members do not leave a group by closing their consumers: a stopped instance removes its
        // own, so the others take its partitions now, not after the session timeout
        assertThat(staticMembers("projections")).as("projections' static members").noneMatch(id -> id.startsWith("projections-2"));
        assertThat(staticMembers("notifier")).as("the notifier's static members").noneMatch(id -> id.startsWith("notifier-2"));
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);

        var infrastructure = CatalogueInfrastructure.running();
        for (var service : List.of("projections", "notifier")) {
            ConsumerGroups.awaitCaughtUp(infrastructure.bootstrapServers(), CatalogueTopics.consumerGroup(service),
                    CatalogueTopics.EVENTS, Duration.ofMinutes(2));
        }
        var events = CatalogueLog.events(Set.copyOf(fkbs));

        assertChainsHoldEveryPublishedEventOnce(fkbs, events, reports);
        var expected = Expectations.of(events, subscriptions);
        var jdbc = notifier1.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from notifier.deliveries d join notifier.subscriptions s on s.id = d.subscription_id "
                        + "where s.webhook_url like ? and d.status <> 'DELIVERED'", Long.class, webhooks.url("") + "%"))
                .as("deliveries not yet delivered").isZero());
        assertEveryWebhookAcceptedOnceInOrder(expected, subscriptions, jdbc);
        assertProjectionsShowTheLastDocuments(projections1, fkbs);
        assertProjectionsEqualACleanRebuild(projections1);
        assertThat(webhooks.refusals()).as("retries were exercised").isPositive();
        System.out.printf("scale-out: %d events, %d webhooks accepted, %d refused once, %d ingest retries%n", events.size(),
                webhooks.accepted().size(), webhooks.refusals(), retries.get());
    }

    private void assertChainsHoldEveryPublishedEventOnce(List<String> fkbs, List<CatalogueEvent> events,
            ConcurrentLinkedQueue<IngestionReport> reports) {
        var published = reports.stream().flatMap(r -> r.events().stream()).map(IngestionReport.ReportedEvent::eventId)
                .toList();
        assertThat(published).doesNotHaveDuplicates();
        assertThat(events).extracting(CatalogueEvent::getEventId).as("every published event once, nothing else")
                .containsExactlyInAnyOrderElementsOf(published);
        for (var fkb : fkbs) {
            var chain = events.stream().filter(e -> e.getFkbCode().equals(fkb)).toList();
            assertThat(chain).extracting(CatalogueEvent::getSequence).as("gapless chain of %s", fkb)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, chain.size()).boxed().toList());
            for (int i = 1; i < chain.size(); i++) {
                assertThat(chain.get(i).getPreviousHash()).as("%s at %d links to its predecessor", fkb, i + 1)
                        .isEqualTo(chain.get(i - 1).getHash());
            }
        }
    }

    private void assertEveryWebhookAcceptedOnceInOrder(Expectations expected, Map<String, Expectations.Filter> subscriptions,
            JdbcTemplate jdbc) {
        assertThat(webhooks.accepted()).extracting(WebhookLog.Request::webhookId).as("accepted once by webhook-id")
                .doesNotHaveDuplicates();
        for (var endpoint : subscriptions.keySet()) {
            var accepted = webhooks.accepted(endpoint).stream().map(WebhookLog.Request::noticeId).toList();
            assertThat(accepted).as("the notices of %s", endpoint)
                    .containsExactlyInAnyOrderElementsOf(expected.notices(endpoint));
            expected.byFkb(endpoint).forEach((fkb, order) -> assertThat(accepted.stream().filter(order::contains).toList())
                    .as("%s in the order of %s's log", endpoint, fkb).containsExactlyElementsOf(order));
        }
        assertThat(jdbc.queryForObject("select count(*) from notifier.notices n join notifier.subscriptions s "
                + "on s.id = n.subscription_id where s.webhook_url like ?", Long.class, webhooks.url("") + "%"))
                .as("no notice recorded twice").isEqualTo(expected.total());
        assertThat(jdbc.queryForObject("select count(*) from notifier.delivery_claims", Long.class))
                .as("every claim released").isZero();
    }

    private static void assertProjectionsShowTheLastDocuments(ConfigurableApplicationContext projections, List<String> fkbs)
            throws Exception {
        var snapshots = CatalogueLog.snapshots(Set.copyOf(fkbs));
        for (var fkb : fkbs) {
            var fromSnapshot = snapshots.get(fkb).getLinks().stream()
                    .map(l -> l.getCourseNumber() + " | " + l.getTitle() + " | " + l.getLinkedTo())
                    .collect(Collectors.toCollection(TreeSet::new));
            var shown = new TreeSet<String>();
            for (JsonNode link : json.readTree(get(projections, "/api/fkbs/" + fkb + "/links?size=500")).get("items")) {
                if (link.get("status").asString().equals("UNLINKED")) {
                    continue;
                }
                shown.add(link.get("courseNumber").asString() + " | " + link.get("title").asString() + " | "
                        + (link.get("linkedTo").isNull() ? "null" : link.get("linkedTo").asString()));
            }
            assertThat(shown).as("%s as its last document says", fkb).isEqualTo(fromSnapshot);
        }
    }

    private static void assertProjectionsEqualACleanRebuild(ConfigurableApplicationContext projections) throws Exception {
        var jdbc = projections.getBean(JdbcTemplate.class);
        UnaryOperator<String> single = sql -> jdbc.queryForObject(sql, String.class);
        var live = ReadModelFingerprint.of("projections", single);
        var rebuild = post(projections, "/api/admin/rebuild");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2)).until(() -> json.readTree(get(projections, "/api/admin/rebuild"))
                .get("state").asString(), state -> state.equals("DONE"));
        assertThat(ReadModelFingerprint.of("projections", single))
                .as("the tables two instances and a rebuild made, against a clean replay")
                .isEqualTo(live);
    }

    /** Half the subscriptions are made through each notifier instance; each instance must match them all. */
    private Map<String, Expectations.Filter> subscribe(List<String> fkbs, ConfigurableApplicationContext first,
            ConfigurableApplicationContext second) throws Exception {
        var filters = new LinkedHashMap<String, Expectations.Filter>();
        for (int f = 0; f < fkbs.size(); f++) {
            filters.put("fkb-" + f, new Expectations.Filter(Set.of(fkbs.get(f)), Set.of(), Set.of()));
        }
        filters.put("ends", new Expectations.Filter(Set.copyOf(fkbs), Set.of(),
                Set.of("CourseUnlinked", "CourseLinkEndScheduled")));
        filters.put("courses", new Expectations.Filter(Set.of(), Set.of(Documents.course(0, 3), Documents.course(0, 10),
                Documents.course(1, 5)), Set.of()));
        int n = 0;
        for (var entry : filters.entrySet()) {
            var notifier = n++ % 2 == 0 ? first : second;
            var school = post(notifier, "/api/schools", Instances.ADMIN_TOKEN, Map.of("name", "School " + entry.getKey(),
                    "email", "skole@example.org"));
            assertThat(school.statusCode()).as(school.body()).isEqualTo(201);
            var key = json.readTree(school.body()).get("apiKey").asString();
            var filter = entry.getValue();
            var created = post(notifier, "/api/subscriptions", key, Map.of("fkbCodes", filter.fkbs(), "courseNumbers",
                    filter.courses(), "eventTypes", filter.types(), "webhookUrl", webhooks.url(entry.getKey())));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        return filters;
    }

    /** The document published, as a client does it: a writer fenced twice in a row answers "try again". */
    private static IngestionReport ingest(IngestionService ingestion, DocumentSubmission document, AtomicInteger retries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ingestion.ingest(document);
            }
            catch (PublishFailedException ex) {
                retries.incrementAndGet();
                if (attempt == 20) {
                    throw ex;
                }
            }
        }
    }

    private static void pass(CountDownLatch arrived, CountDownLatch gate) {
        arrived.countDown();
        try {
            if (!gate.await(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private ConfigurableApplicationContext started(CompletableFuture<ConfigurableApplicationContext> starting) throws Exception {
        var context = starting.get(3, TimeUnit.MINUTES);
        running.add(context);
        return context;
    }

    private static List<String> staticMembers(String service) throws Exception {
        var group = CatalogueTopics.consumerGroup(service);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers",
                CatalogueInfrastructure.running().bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().stream()
                    .flatMap(member -> member.groupInstanceId().stream()).toList();
        }
    }

    private void stop(ConfigurableApplicationContext context) {
        running.remove(context);
        context.close();
    }

    private static String get(ConfigurableApplicationContext service, String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(uri(service, path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext service, String path) throws Exception {
        return post(service, path, Instances.ADMIN_TOKEN, null);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext service, String path, String token, Object body)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext service, String path) {
        return URI.create("http://127.0.0.1:" + Instances.port(service) + path);
    }
}
