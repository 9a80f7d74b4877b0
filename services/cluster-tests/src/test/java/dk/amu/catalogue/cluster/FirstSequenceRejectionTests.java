package dk.amu.catalogue.cluster;

import java.time.LocalDate;
import java.util.Map;

import dk.amu.catalogue.cluster.support.ClusterInfrastructure;
import dk.amu.catalogue.cluster.support.CommittedEvents;
import dk.amu.catalogue.cluster.support.FirstBatchRaceProxy;
import dk.amu.catalogue.cluster.support.FkbTimeline;
import dk.amu.catalogue.cluster.support.SequenceRejections;
import dk.amu.catalogue.cluster.support.Services;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.ingestion.IngestionService;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "OutOfOrderSequenceException ... Expected sequence 0 for transactions v2 idempotent producer
 * with no existing state" that a broker logs now and then under ingest (docs/cluster.md). With
 * transactions v2 the partition's leader adds the partition to the transaction when the first batch
 * arrives, asking the transaction coordinator; while the coordinator is still busy with this
 * transactional id it answers CONCURRENT_TRANSACTIONS and the first batch (sequence 0) goes back to
 * the producer to be retried. A later batch of the same transaction and partition, already in
 * flight, is then the first to reach the partition, and the broker, which holds no state for the new
 * epoch, refuses anything but sequence 0. The producer retries it after the first.
 *
 * <p>Left to timing the race is rare, so the test stages it: the ingest service's producer reaches
 * the cluster only through a {@link FirstBatchRaceProxy}, which keeps back the request carrying each
 * transaction's first batch to its events partition, lets the later batches of that partition reach
 * the broker, and once the broker has refused one, answers the kept request with
 * CONCURRENT_TRANSACTIONS as the leader would have. The refusal is the broker's own. Then every
 * document must be in the log exactly once.
 */
@ExtendWith(ClusterInfrastructure.class)
class FirstSequenceRejectionTests {

    private static final Logger log = LoggerFactory.getLogger(FirstSequenceRejectionTests.class);

    /** Documents of 60 links: their events are several 4 KiB batches to one partition. */
    static final FkbTimeline TIMELINE = new FkbTimeline("sequence", 12, 1, 60);

    @Test
    void shouldLandEveryDocumentOnceWhenABrokerRefusesABatchThatOvertookTheFirstOfItsTransaction() {
        var running = ClusterInfrastructure.running();
        var clock = MutableClock.at(LocalDate.of(2025, 3, 3));
        int loggedBefore = SequenceRejections.seen().size();
        try (var proxy = FirstBatchRaceProxy.start(running.bootstrapServers(), CatalogueTopics.EVENTS);
                var ingest = Services.ingest(clock, Map.of(
                        // the producers alone go through the proxy; ingest's readers and admin go straight to the brokers
                        "spring.kafka.producer.bootstrap-servers", proxy.bootstrapServers(),
                        // a document's events are several batches, so a later one is in flight behind the first
                        "spring.kafka.producer.batch-size", 4096))) {
            var ingestion = ingest.getBean(IngestionService.class);
            for (int f = 0; f < TIMELINE.fkbs(); f++) {
                ingestion.ingest(TIMELINE.submission(f, 0));
            }
            log.info("{} refusal(s) staged in {} documents; {} first batch(es) passed on without one: {}",
                    proxy.refusals().size(), TIMELINE.fkbs(), proxy.missed().size(), proxy.missed());
            // every document's first batch is kept back; only when the coordinator really is busy as the later batch
            // arrives is that batch answered otherwise and the first let through (no run so far), hence not all of them
            assertThat(proxy.refusals()).as("refusals of a batch that overtook its transaction's first batch")
                    .hasSizeGreaterThanOrEqualTo(TIMELINE.fkbs() / 2)
                    .allSatisfy(refusal -> {
                        assertThat(refusal.firstBatch().topic()).isEqualTo(CatalogueTopics.EVENTS);
                        assertThat(refusal.refusedSequence()).isPositive();
                    });
            var logged = SequenceRejections.seen().subList(loggedBefore, SequenceRejections.seen().size());
            assertThat(logged).as("the brokers' own log of the refusals")
                    .hasSizeGreaterThanOrEqualTo(proxy.refusals().size())
                    .allSatisfy(message -> assertThat(message).contains(CatalogueTopics.EVENTS));
        }

        var committed = CommittedEvents.read(running.bootstrapServers(), running.registryUrl());
        assertThat(committed.chainFindings()).isEmpty();
        var expected = TIMELINE.expected(clock);
        for (var fkb : TIMELINE.fkbCodes()) {
            assertThat(committed.eventIds(fkb)).as("the events of %s", fkb).containsExactlyElementsOf(expected.get(fkb).get(0));
        }
        assertThat(committed.all().stream().map(CommittedEvents.Event::fkbCode).filter(fkb -> fkb.startsWith("sequence-"))
                .distinct()).as("FKBs in the log").hasSize(TIMELINE.fkbs());
    }
}
