package dk.amu.catalogue.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dk.amu.catalogue.cluster.support.ClusterInfrastructure;
import dk.amu.catalogue.cluster.support.CommittedEvents;
import dk.amu.catalogue.cluster.support.FkbTimeline;
import dk.amu.catalogue.cluster.support.SequenceRejections;
import dk.amu.catalogue.cluster.support.Services;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The "OutOfOrderSequenceException ... Expected sequence 0 for transactions v2 idempotent producer
 * with no existing state" that a broker logs now and then under ingest (docs/benchmarks.md, "Sequence
 * rejections"). With transactions v2 the partition's leader adds the partition to the transaction
 * when the first batch arrives, asking the transaction coordinator; while the coordinator is still
 * busy with this transactional id (the previous commit's markers, or another partition's add) it
 * answers CONCURRENT_TRANSACTIONS and the first batch (sequence 0) goes back to the producer to be
 * retried. A later batch of the same transaction and partition, already in flight, may then be the
 * first to get through, and the broker, which holds no state for the new epoch, refuses anything but
 * sequence 0. The producer retries it after the first: nothing is lost or doubled.
 *
 * <p>Here the condition is made likely rather than rare: three brokers, so the coordinator and the
 * leaders are apart; one transactional id for all FKBs and four uploaders, so each transaction
 * begins the moment the one before it commits, while that one's markers are still being written;
 * documents of several full batches, so several requests are in flight to one partition. Documents
 * are ingested until a broker has refused at least one batch, and then every document ingested is
 * checked in the log.
 */
@ExtendWith(ClusterInfrastructure.class)
class FirstSequenceRejectionTests {

    private static final Logger log = LoggerFactory.getLogger(FirstSequenceRejectionTests.class);

    static final FkbTimeline TIMELINE = new FkbTimeline("sequence", 400, 1, 60);

    static final int UPLOADERS = 4;

    @Test
    void shouldLandEveryDocumentOnceWhenABrokerRefusesABatchThatOvertookTheFirstOfItsTransaction() throws Exception {
        var running = ClusterInfrastructure.running();
        var clock = MutableClock.at(LocalDate.of(2025, 3, 3));
        int rejectionsBefore = SequenceRejections.seen().size();
        var ingested = new ConcurrentSkipListSet<Integer>();
        var next = new AtomicInteger();
        var stop = new AtomicBoolean();
        var uploaders = Executors.newFixedThreadPool(UPLOADERS);
        try (var ingest = Services.ingest(clock, Map.of(
                // one transactional id for every FKB: each uploader's transaction begins the moment the one before
                // it commits, while that one's markers are still being written
                "catalogue.ingest.transaction-slots", 1,
                // a document's events are several full batches, so several requests are in flight to one partition
                "spring.kafka.producer.batch-size", 4096))) {
            var ingestion = ingest.getBean(IngestionService.class);
            var failures = new ArrayList<Future<?>>();
            for (int u = 0; u < UPLOADERS; u++) {
                failures.add(uploaders.submit(() -> {
                    for (int f = next.getAndIncrement(); f < TIMELINE.fkbs() && !stop.get(); f = next.getAndIncrement()) {
                        ingestion.ingest(TIMELINE.submission(f, 0));
                        ingested.add(f);
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofMinutes(3)).alias("a broker refused a batch that overtook sequence 0")
                    .until(() -> SequenceRejections.seen().size() > rejectionsBefore || ingested.size() == TIMELINE.fkbs());
            stop.set(true);
            for (var uploader : failures) {
                uploader.get(1, TimeUnit.MINUTES);
            }
        }
        finally {
            uploaders.shutdownNow();
        }
        var rejections = SequenceRejections.seen().subList(rejectionsBefore, SequenceRejections.seen().size());
        log.info("{} refusal(s) of a batch ahead of sequence 0 after {} documents", rejections.size(), ingested.size());
        assertThat(rejections).allSatisfy(message -> assertThat(message).contains("amu.catalogue."));

        var committed = CommittedEvents.read(running.bootstrapServers(), running.registryUrl());
        assertThat(committed.chainFindings()).isEmpty();
        var expected = TIMELINE.expected(clock);
        for (int f : ingested) {
            var fkb = TIMELINE.fkbCode(f);
            assertThat(committed.eventIds(fkb)).as("the events of %s", fkb).containsExactlyElementsOf(expected.get(fkb).get(0));
        }
        assertThat(committed.all().stream().filter(e -> e.fkbCode().startsWith("sequence-")).map(CommittedEvents.Event::fkbCode)
                .distinct().count()).as("FKBs in the log").isEqualTo(ingested.size());
        // the race is a matter of timing: on a quiet machine it may not come in 400 documents, and then
        // the run proves only the exactly-once above; it says so as a skip rather than passing as a repro
        assumeThat(rejections).as("brokers' refusals of a batch ahead of sequence 0 in %d documents (the race did "
                + "not occur in this run; every document still landed once)", ingested.size()).isNotEmpty();
    }
}
