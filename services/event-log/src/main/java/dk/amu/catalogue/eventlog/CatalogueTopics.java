package dk.amu.catalogue.eventlog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of DESIGN.md, their policies, and the names services derive from them. Every service
 * and tool takes topic names from here, so a rename is one change.
 */
public final class CatalogueTopics {

    /** The audit log: every event, kept for ever, never compacted. */
    public static final String EVENTS = "amu.catalogue.events.v1";

    /** The latest snapshot per FKB with the head of its chain; compacted. */
    public static final String SNAPSHOTS = "amu.catalogue.snapshots.v1";

    /** The partitions of both catalogue topics: the most instances a consumer group can use. */
    public static final int PARTITIONS = 6;

    private CatalogueTopics() {
    }

    /** Where a service parks records it cannot decode or apply, with their original bytes. */
    public static String deadLetters(String service) {
        return service + ".dead-letters";
    }

    /** The consumer group of a service: its instances share the partitions. */
    public static String consumerGroup(String service) {
        return "amu-catalogue-" + service;
    }

    /** The events topic with its policy; {@code minInSyncReplicas} only where the cluster has replicas to spare. */
    public static NewTopic events(short replicationFactor, Optional<Integer> minInSyncReplicas) {
        var configs = policy(minInSyncReplicas);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        return new NewTopic(EVENTS, PARTITIONS, replicationFactor).configs(configs);
    }

    public static NewTopic snapshots(short replicationFactor, Optional<Integer> minInSyncReplicas) {
        var configs = policy(minInSyncReplicas);
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        return new NewTopic(SNAPSHOTS, PARTITIONS, replicationFactor).configs(configs);
    }

    /** A service's dead letters: kept for ever, since each one is a record somebody must look at. */
    public static NewTopic deadLetterTopic(String service, short replicationFactor, Optional<Integer> minInSyncReplicas) {
        var configs = policy(minInSyncReplicas);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        return new NewTopic(deadLetters(service), 1, replicationFactor).configs(configs);
    }

    /** The catalogue's own topics on a single broker, as the standalone runtime and the tests run them. */
    public static List<NewTopic> singleBroker() {
        return List.of(events((short) 1, Optional.empty()), snapshots((short) 1, Optional.empty()));
    }

    /**
     * The catalogue's own topics on a cluster, as DESIGN.md runs it (replication factor 3,
     * {@code min.insync.replicas=2}): every record is kept on {@code replicationFactor} brokers, and
     * a write that {@code acks=all} is refused rather than kept on fewer than {@code minInSyncReplicas}.
     */
    public static List<NewTopic> replicated(short replicationFactor, int minInSyncReplicas) {
        if (replicationFactor < 1 || minInSyncReplicas < 1 || minInSyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas must be between 1 and the replication factor, got "
                    + minInSyncReplicas + " of " + replicationFactor);
        }
        return List.of(events(replicationFactor, Optional.of(minInSyncReplicas)),
                snapshots(replicationFactor, Optional.of(minInSyncReplicas)));
    }

    private static Map<String, String> policy(Optional<Integer> minInSyncReplicas) {
        var configs = new HashMap<String, String>();
        minInSyncReplicas.ifPresent(min -> configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, min.toString()));
        return configs;
    }
}
