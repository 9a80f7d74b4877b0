package dk.amu.catalogue.ingest.ingestion;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dk.amu.catalogue.ingest.system.CatalogueTopics;
import dk.amu.catalogue.ingest.system.KafkaClients;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The latest committed snapshot of every FKB, read from the compacted snapshot topic. Before it
 * answers it reads the topic up to its current end, so a writer always diffs against what the log
 * really holds, including what another instance committed a moment ago.
 */
@Component
public class SnapshotStore implements DisposableBean {

    private static final Duration POLL = Duration.ofMillis(100);

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    private final KafkaClients clients;

    private final Map<String, CatalogueSnapshot> latest = new ConcurrentHashMap<>();

    private KafkaConsumer<String, CatalogueSnapshot> consumer;

    private List<TopicPartition> partitions;

    SnapshotStore(KafkaClients clients) {
        this.clients = clients;
    }

    public Optional<CatalogueSnapshot> latest(String fkbCode) {
        catchUp();
        return Optional.ofNullable(latest.get(fkbCode));
    }

    public Collection<CatalogueSnapshot> all() {
        catchUp();
        return List.copyOf(latest.values());
    }

    /** Reads every committed snapshot written since the last call. */
    public synchronized void catchUp() {
        var reader = consumer();
        var end = reader.endOffsets(partitions);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!reachedEnd(reader, end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + CatalogueTopics.SNAPSHOTS + " to its end within "
                        + CATCH_UP_LIMIT.toSeconds() + " s; is Kafka reachable?");
            }
            for (var record : reader.poll(POLL)) {
                if (record.value() != null) {
                    latest.put(record.key(), record.value());
                }
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> reader.position(entry.getKey()) >= entry.getValue());
    }

    private KafkaConsumer<String, CatalogueSnapshot> consumer() {
        if (consumer == null) {
            var created = new KafkaConsumer<String, CatalogueSnapshot>(clients.committedReader("ingest-snapshots"));
            partitions = created.partitionsFor(CatalogueTopics.SNAPSHOTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            created.assign(partitions);
            created.seekToBeginning(partitions);
            consumer = created;
        }
        return consumer;
    }

    @Override
    public synchronized void destroy() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
