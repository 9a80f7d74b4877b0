package dk.amu.catalogue.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.amu.catalogue.cluster.support.ClusterInfrastructure;
import dk.amu.catalogue.cluster.support.CommittedEvents;
import dk.amu.catalogue.cluster.support.FkbTimeline;
import dk.amu.catalogue.cluster.support.NotifierApi;
import dk.amu.catalogue.cluster.support.PacedIngestion;
import dk.amu.catalogue.cluster.support.SequenceRejections;
import dk.amu.catalogue.cluster.support.Services;
import dk.amu.catalogue.cluster.support.Tables;
import dk.amu.catalogue.cluster.support.WebhookLog;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.ingestion.IngestionReport;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.projections.rebuild.RebuildProgress;
import dk.amu.catalogue.projections.rebuild.Rebuilds;
import dk.amu.catalogue.testkit.ConsumerGroups;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The project's version of Kafka's transactions system test: a long timeline of FKB documents goes
 * through the ingest service into a cluster of three brokers (replication factor 3,
 * {@code min.insync.replicas=2}) while a different broker is killed and restarted three times, with
 * documents in flight each time. Projections and notifier consume throughout. Then input is compared
 * with output: the log holds every document's events once, in chains that verify; the read models
 * equal a clean rebuild; no webhook arrived twice, and none is missing.
 */
@ExtendWith(ClusterInfrastructure.class)
class BrokerFaultTests {

    private static final Logger log = LoggerFactory.getLogger(BrokerFaultTests.class);

    static final FkbTimeline TIMELINE = new FkbTimeline("fault", 12, 12, 30);

    static final int UPLOADERS = 4;

    static final Duration PATIENCE = Duration.ofMinutes(2);

    @Test
    void shouldKeepEveryDocumentOnceAndEveryReaderConsistentWhileBrokersAreKilledAndRestarted() throws Exception {
        var running = ClusterInfrastructure.running();
        var cluster = running.cluster();
        var clock = MutableClock.at(LocalDate.of(2025, 3, 3));
        var expected = TIMELINE.expected(clock);
        var started = System.nanoTime();
        try (var receiver = WebhookLog.start();
                var projections = Services.projections();
                var notifier = Services.notifier();
                var ingest = Services.ingest(clock, Map.of());
                var ingestion = new PacedIngestion(ingest.getBean(IngestionService.class), TIMELINE, UPLOADERS)) {
            new NotifierApi(Services.port(notifier)).subscribe(TIMELINE.fkbCodes(), receiver.url());
            int rejectionsBefore = SequenceRejections.seen().size();
            var ingestionStarted = System.nanoTime();
            ingestion.start();

            // kills at 1/8, 3/8 and 5/8 of the timeline, restarts at 2/8, 4/8 and 6/8; documents are in flight at each
            int total = ingestion.total();
            int step = total / 8;
            for (int victim = 1; victim <= ClusterInfrastructure.BROKERS; victim++) {
                int killAt = (2 * victim - 1) * step;
                int restartAt = 2 * victim * step;
                ingestion.allowUpTo(killAt + step / 2);
                awaitDone(ingestion, killAt);
                cluster.kill(victim);
                log.info("Killed broker {} with {} of {} documents ingested", victim, ingestion.done(), total);
                ingestion.allowUpTo(restartAt + step / 2);
                awaitDone(ingestion, restartAt);
                cluster.restart(victim);
                log.info("Restarted broker {} with {} of {} documents ingested", victim, ingestion.done(), total);
                await().atMost(PATIENCE).alias("every partition back on three in-sync replicas")
                        .until(() -> cluster.underReplicatedPartitions().isEmpty());
            }
            ingestion.allowUpTo(total);
            awaitDone(ingestion, total);
            log.info("Ingested {} documents in {} s with {} retried publishes and {} first-batch sequence rejections",
                    total, (System.nanoTime() - ingestionStarted) / 1_000_000_000, ingestion.retries().size(),
                    SequenceRejections.seen().size() - rejectionsBefore);
            ingestion.describeRetries().forEach(retry -> log.info("Retried: {}", retry));

            assertThat(ingestion.failures()).as("ingestions that never went through").isEmpty();
            var committed = CommittedEvents.read(running.bootstrapServers(), running.registryUrl());
            assertEveryDocumentOnceInItsChain(committed, expected, ingestion);
            assertProjectionsEqualACleanRebuild(projections, expected);
            assertEveryNoticeDeliveredOnce(receiver, expected);
        }
        log.info("Fault test done in {} s", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void assertEveryDocumentOnceInItsChain(CommittedEvents committed, Map<String, List<List<String>>> expected,
            PacedIngestion ingestion) {
        assertThat(committed.chainFindings()).as("chain check of the committed log").isEmpty();
        var ids = committed.all().stream().map(CommittedEvents.Event::eventId).toList();
        assertThat(new HashSet<>(ids)).as("no event twice in the log").hasSameSizeAs(ids);
        expected.forEach((fkb, versions) -> {
            var flat = versions.stream().flatMap(List::stream).toList();
            assertThat(committed.eventIds(fkb)).as("the events of %s, in order", fkb).containsExactlyElementsOf(flat);
            for (int v = 0; v < versions.size(); v++) {
                var report = ingestion.report(fkb, v);
                assertThat(report).as("%s v%d was ingested", fkb, v).isNotNull();
                var reported = report.events().stream().map(IngestionReport.ReportedEvent::eventId).toList();
                if (!reported.isEmpty()) {
                    assertThat(reported).as("what ingest reported for %s v%d", fkb, v).containsExactlyElementsOf(versions.get(v));
                }
            }
        });
    }

    private static void assertProjectionsEqualACleanRebuild(org.springframework.context.ConfigurableApplicationContext projections,
            Map<String, List<List<String>>> expected) {
        var running = ClusterInfrastructure.running();
        var database = running.database();
        ConsumerGroups.awaitCaughtUp(running.bootstrapServers(), CatalogueTopics.consumerGroup("projections"),
                CatalogueTopics.EVENTS, PATIENCE);
        long events = expected.values().stream().flatMap(List::stream).mapToLong(List::size).sum();
        assertThat(Tables.single(database, "select count(*) || ' ' || count(distinct event_id) from projections.changes "
                + "where fkb_code like 'fault-%'")).as("every event projected, once").isEqualTo(events + " " + events);
        var live = Tables.projections(database);

        var rebuilds = projections.getBean(Rebuilds.class);
        rebuilds.start();
        await().atMost(PATIENCE).alias("the rebuild is done")
                .until(() -> rebuilds.progress().state() == RebuildProgress.State.DONE
                        || rebuilds.progress().state() == RebuildProgress.State.FAILED);
        assertThat(rebuilds.progress().message()).as("the rebuild's error").isNull();

        assertThat(Tables.projections(database)).as("the live tables against the rebuilt ones").isEqualTo(live);
    }

    private static void assertEveryNoticeDeliveredOnce(WebhookLog receiver, Map<String, List<List<String>>> expected) {
        var laterEvents = new ArrayList<String>();
        expected.values().forEach(versions -> versions.subList(1, versions.size()).forEach(laterEvents::addAll));
        int notices = laterEvents.size() + expected.size();
        var database = ClusterInfrastructure.running().database();
        await().atMost(PATIENCE).alias("every notice delivered")
                .until(() -> receiver.received().size() >= notices
                        && Tables.count(database, "select count(*) from notifier.deliveries where status <> 'DELIVERED'") == 0);
        var received = receiver.received();
        var byWebhookId = received.stream().collect(Collectors.groupingBy(WebhookLog.Delivery::webhookId, Collectors.counting()));
        assertThat(byWebhookId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("webhook ids delivered more than once").isEmpty();
        assertThat(received.stream().map(WebhookLog.Delivery::eventId).filter(id -> id != null).toList())
                .as("one webhook for each event after an FKB's first document").containsExactlyInAnyOrderElementsOf(laterEvents);
        assertThat(received.stream().filter(d -> d.type().endsWith(".FkbTracked")).map(WebhookLog.Delivery::fkbCode).toList())
                .as("one summary of each FKB's first document").containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    private static void awaitDone(PacedIngestion ingestion, int count) {
        await().atMost(PATIENCE).alias(count + " documents ingested")
                .until(() -> ingestion.done() >= Math.min(count, ingestion.total()) || !ingestion.failures().isEmpty());
        assertThat(ingestion.failures()).as("ingestions that never went through").isEmpty();
    }
}
