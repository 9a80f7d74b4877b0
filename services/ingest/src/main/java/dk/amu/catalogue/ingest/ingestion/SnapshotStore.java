package dk.amu.catalogue.ingest.ingestion;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.ingest.system.KafkaClients;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The latest committed snapshot of every FKB, read from the compacted snapshot topic and kept in
 * memory. Reading the topic to its end costs a round trip to the broker, so it happens only when
 * another writer can have written: {@link FkbWriters} catches up whenever it (re)opens the
 * transactional producer an FKB is written with, because any other writer of that FKB would have
 * fenced it. This process's own commits are taken directly ({@link #committed}).
 */
@Component
public class SnapshotStore implements DisposableBean {

    private static final Duration POLL = Duration.ofMillis(100);

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    private final KafkaClients clients;

    private final Map<String, CatalogueSnapshot> latest = new ConcurrentHashMap<>();

    private KafkaConsumer<String, CatalogueSnapshot> consumer;

    private Admin admin;

    private List<TopicPartition> partitions;

    SnapshotStore(KafkaClients clients) {
        this.clients = clients;
    }

    /** The FKB's latest snapshot; current for a caller inside {@link FkbWriters#exclusively}. */
    public Optional<CatalogueSnapshot> latest(String fkbCode) {
        return Optional.ofNullable(latest.get(fkbCode));
    }

    public Collection<CatalogueSnapshot> all() {
        catchUp();
        return List.copyOf(latest.values());
    }

    /**
     * Reads every committed snapshot written since the last call.
     *
     * @throws PublishFailedException when Kafka cannot be read: nothing can be diffed, so nothing is written
     */
    public synchronized void catchUp() {
        try {
            readToEnd();
        }
        catch (KafkaException ex) {
            throw unreadable(ex.getMessage(), ex);
        }
    }

    /**
     * Reads until the committed position passes the log's high watermark, not just its last stable
     * offset: the stable offset stops at the first open transaction, and a snapshot committed after
     * it by another writer would be missed. Waiting for open transactions to settle is bounded by the
     * transaction timeout, which {@link KafkaClients} keeps short.
     */
    private void readToEnd() {
        var reader = consumer();
        var end = highWatermarks();
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!reachedEnd(reader, end)) {
            if (System.nanoTime() > deadline) {
                throw unreadable("not at its end within " + CATCH_UP_LIMIT.toSeconds() + " s", null);
            }
            for (var record : reader.poll(POLL)) {
                if (record.value() != null) {
                    remember(record.value());
                }
            }
        }
    }

    /**
     * Takes a snapshot this process has just committed, before the topic shows it: a commit returns
     * before its transaction markers are written, and until they are, reading stops short of it.
     */
    void committed(CatalogueSnapshot snapshot) {
        remember(snapshot);
    }

    // the later state of an FKB has the higher head sequence; the topic may still deliver an older one
    private void remember(CatalogueSnapshot snapshot) {
        latest.merge(snapshot.getFkbCode(), snapshot,
                (known, candidate) -> candidate.getHeadSequence() >= known.getHeadSequence() ? candidate : known);
    }

    private Map<TopicPartition, Long> highWatermarks() {
        if (admin == null) {
            admin = Admin.create(clients.admin("ingest-snapshots-admin"));
        }
        var latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        try {
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(CATCH_UP_LIMIT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unreadable("interrupted", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw unreadable(ex.getMessage(), ex);
        }
    }

    private static PublishFailedException unreadable(String reason, Throwable cause) {
        return new PublishFailedException("could not read the latest snapshots from " + CatalogueTopics.SNAPSHOTS
                + "; nothing was written, try again once Kafka is reachable: " + reason, cause);
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> reader.position(entry.getKey()) >= entry.getValue());
    }

    private KafkaConsumer<String, CatalogueSnapshot> consumer() {
        if (consumer == null) {
            var created = new KafkaConsumer<String, CatalogueSnapshot>(clients.committedReader("ingest-snapshots"));
            try {
                partitions = created.partitionsFor(CatalogueTopics.SNAPSHOTS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    // not created yet (the service creates it at start-up); ask again next time
                    throw new KafkaException("the topic " + CatalogueTopics.SNAPSHOTS + " does not exist");
                }
                created.assign(partitions);
                created.seekToBeginning(partitions);
            }
            catch (KafkaException ex) {
                // the next call starts afresh; a consumer left behind would hold its connections and metrics
                created.close(Duration.ZERO);
                throw ex;
            }
            consumer = created;
        }
        return consumer;
    }

    @Override
    public synchronized void destroy() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
