package dk.amu.catalogue.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import dk.amu.catalogue.cluster.support.ClusterInfrastructure;
import dk.amu.catalogue.cluster.support.CommittedEvents;
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
 * <p>Here the condition is made likely rather than rare (three brokers, so the coordinator and the
 * leaders are apart; small batches, so a document's events are many batches in flight), ingested
 * until a broker has refused at least one batch, and then every document is checked in the log.
 */
@ExtendWith(ClusterInfrastructure.class)
class FirstSequenceRejectionTests {

    private static final Logger log = LoggerFactory.getLogger(FirstSequenceRejectionTests.class);

    static final FkbTimeline TIMELINE = new FkbTimeline("sequence", 60, 1, 60);

    @Test
    void shouldLandEveryDocumentOnceWhenABrokerRefusesABatchThatOvertookTheFirstOfItsTransaction() {
        var running = ClusterInfrastructure.running();
        var clock = MutableClock.at(LocalDate.of(2025, 3, 3));
        int rejectionsBefore = SequenceRejections.seen().size();
        int[] ingested = { 0 };
        try (var ingest = Services.ingest(clock, Map.of("spring.kafka.producer.batch-size", 1024))) {
            var ingestion = ingest.getBean(IngestionService.class);
            await().atMost(Duration.ofMinutes(2)).alias("a broker refused a batch that overtook sequence 0")
                    .until(() -> {
                        if (ingested[0] < TIMELINE.fkbs()) {
                            ingestion.ingest(TIMELINE.submission(ingested[0]++, 0));
                        }
                        return SequenceRejections.seen().size() > rejectionsBefore || ingested[0] == TIMELINE.fkbs();
                    });
        }
        var rejections = SequenceRejections.seen().subList(rejectionsBefore, SequenceRejections.seen().size());
        log.info("{} refusal(s) of a batch ahead of sequence 0 after {} documents", rejections.size(), ingested[0]);
        assertThat(rejections).as("brokers' refusals of a batch ahead of sequence 0, after %d documents", ingested[0])
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message).contains("amu.catalogue."));

        var committed = CommittedEvents.read(running.bootstrapServers(), running.registryUrl());
        assertThat(committed.chainFindings()).isEmpty();
        var expected = TIMELINE.expected(clock);
        for (int f = 0; f < ingested[0]; f++) {
            var fkb = TIMELINE.fkbCode(f);
            assertThat(committed.eventIds(fkb)).as("the events of %s", fkb).containsExactlyElementsOf(expected.get(fkb).get(0));
        }
        assertThat(committed.all()).filteredOn(e -> e.fkbCode().startsWith("sequence-"))
                .extracting(CommittedEvents.Event::partition)
                .allSatisfy(partition -> assertThat(partition.topic()).isEqualTo(CatalogueTopics.EVENTS));
    }
}
