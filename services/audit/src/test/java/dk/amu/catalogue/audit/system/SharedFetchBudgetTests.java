package dk.amu.catalogue.audit.system;

import static org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_BYTES_CONFIG;
import static org.apache.kafka.clients.consumer.ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.amu.catalogue.audit.replay.LogReplay;
import dk.amu.catalogue.audit.replay.Progress;
import dk.amu.catalogue.audit.support.IngestTimeline;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.apache.kafka.common.config.AbstractConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The fetch budget is one for the replays that may run at once: each replay's consumer fetches its
 * share of it, so that as many replays as the gate lets through hold no more fetched bytes together
 * than one replay did before the budget was shared.
 */
@ExtendWith(CatalogueInfrastructure.class)
class SharedFetchBudgetTests {

    static final int MB = 1024 * 1024;

    @BeforeAll
    static void writeTimeline() {
        IngestTimeline.shared(CatalogueInfrastructure.running());
    }

    @Test
    void shouldKeepTheFetchesOfEachOfTheDefaultTwoReplaysUnderHalfAHeapRegion() {
        var defaults = new Binder().bindOrCreate("catalogue.audit", AuditProperties.class);

        var consumer = KafkaReaders.replay(kafka(), defaults);

        assertThat(defaults.maxConcurrentReplays()).isEqualTo(2);
        assertThat(consumer).containsEntry(FETCH_MAX_BYTES_CONFIG, 384 * 1024)
                .containsEntry(MAX_PARTITION_FETCH_BYTES_CONFIG, 384 * 1024);
    }

    @Test
    void shouldGiveEachOfTwoReplaysHalfTheFetchBudget() {
        var consumer = KafkaReaders.replay(kafka(), audit(32 * MB, 8 * MB, 2));

        assertThat(consumer).containsEntry(FETCH_MAX_BYTES_CONFIG, 16 * MB)
                .containsEntry(MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * MB);
    }

    @Test
    void shouldGiveOneReplayTheWholeBudget() {
        var consumer = KafkaReaders.replay(kafka(), audit(32 * MB, 8 * MB, 1));

        assertThat(consumer).containsEntry(FETCH_MAX_BYTES_CONFIG, 32 * MB)
                .containsEntry(MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * MB);
    }

    @Test
    void shouldNeverLetOnePartitionFetchMoreThanTheReplaysShareOfTheWhole() {
        var consumer = KafkaReaders.replay(kafka(), audit(MB, 8 * MB, 4));

        assertThat(consumer).containsEntry(FETCH_MAX_BYTES_CONFIG, MB / 4)
                .containsEntry(MAX_PARTITION_FETCH_BYTES_CONFIG, MB / 4);
    }

    @Test
    void shouldReadTheWholeLogOnAConsumerThatFetchesItsShareOnly() throws IOException {
        var logged = new ListAppender<ILoggingEvent>();
        // where a Kafka client logs the settings it was built with
        var consumerConfig = (Logger) LoggerFactory.getLogger(AbstractConfig.class);
        var level = consumerConfig.getLevel();
        consumerConfig.setLevel(Level.INFO);
        consumerConfig.addAppender(logged);
        logged.start();
        List<String> withAShare;
        try {
            // 64 KB a fetch, 16 KB a partition: Kafka hands over at least one whole batch, whatever the limit
            withAShare = recordsOf(new LogReplay(KafkaReaders.replay(kafka(), audit(256 * 1024, 64 * 1024, 4)),
                    Duration.ofSeconds(10)));
        }
        finally {
            consumerConfig.detachAppender(logged);
            consumerConfig.setLevel(level);
        }
        var withTheWhole = recordsOf(new LogReplay(KafkaReaders.replay(kafka(), audit(32 * MB, 8 * MB, 1)),
                Duration.ofSeconds(10)));

        assertThat(withAShare).isNotEmpty().isEqualTo(withTheWhole);
        // what the real consumer was built with, as it says itself
        assertThat(logged.list).map(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.contains("client.id = audit-replay"))
                .singleElement().asString()
                .contains("fetch.max.bytes = 65536").contains("max.partition.fetch.bytes = 16384");
    }

    private static List<String> recordsOf(LogReplay replay) throws IOException {
        var read = new ArrayList<String>();
        replay.replay(CatalogueTopics.EVENTS, record -> read.add(record.where()), Progress.NONE);
        read.sort(null);
        return read;
    }

    /** The Kafka settings Spring Boot builds, as the service hands them over. */
    private static Map<String, Object> kafka() {
        var kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(CatalogueInfrastructure.running().bootstrapServers()));
        return kafka.buildConsumerProperties();
    }

    private static AuditProperties audit(int fetchBytes, int partitionFetchBytes, int replays) {
        return new AuditProperties(CatalogueTopics.EVENTS, CatalogueTopics.SNAPSHOTS, Duration.ofSeconds(10), fetchBytes,
                partitionFetchBytes, 1000, replays, 32, 10000);
    }
}
