package dk.amu.catalogue.ingest.support;

import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dk.amu.catalogue.ingest.support.IndependentEventReader.Event;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * The catalogue topics once every transaction on them is resolved. A commit returns before its
 * markers reach the partitions, so right after one the committed end still lags: an offset taken
 * then moves when the marker lands, and a read stops short of the last transaction.
 */
public final class SettledLog {

    public static final Set<String> CATALOGUE_TOPICS = Set.of("amu.catalogue.events.v1", "amu.catalogue.snapshots.v1");

    private final IndependentEventReader reader;

    private final String bootstrapServers;

    public SettledLog(CatalogueInfrastructure.Running infrastructure) {
        this(infrastructure.bootstrapServers(), infrastructure.registryUrl());
    }

    public SettledLog(String bootstrapServers, String registryUrl) {
        this.reader = new IndependentEventReader(bootstrapServers, registryUrl);
        this.bootstrapServers = bootstrapServers;
    }

    /** Log-end offsets of both topics, taken when no transaction on them is open or being completed. */
    public Map<TopicPartition, Long> endOffsets() {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
            var partitions = admin.describeTopics(CATALOGUE_TOPICS).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream()
                            .map(p -> new TopicPartition(description.name(), p.partition())))
                    .toList();
            var settled = new AtomicReference<Map<TopicPartition, Long>>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                var end = ends(admin, partitions, IsolationLevel.READ_UNCOMMITTED);
                settled.set(end);
                return end.equals(ends(admin, partitions, IsolationLevel.READ_COMMITTED));
            });
            return settled.get();
        }
        catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("cannot describe " + CATALOGUE_TOPICS, ex);
        }
    }

    /** Every committed event of one FKB, read once the log has settled. */
    public List<Event> events(String fkbCode) {
        endOffsets();
        return reader.events("amu.catalogue.events.v1", fkbCode);
    }

    public IndependentEventReader reader() {
        return reader;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions, IsolationLevel isolation)
            throws InterruptedException, ExecutionException {
        var latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
