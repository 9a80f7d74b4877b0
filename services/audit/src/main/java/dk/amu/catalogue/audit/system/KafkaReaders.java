package dk.amu.catalogue.audit.system;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The settings of a replay's consumer: Spring Boot's {@code spring.kafka.*} (as the service's
 * {@code KafkaProperties} or the command line's reader builds them), then what a replay
 * needs whatever they say: committed records only, no group and no committed position (every
 * question reads from offset 0), and large fetches, bounded by {@link AuditProperties}: the fetch budget
 * is shared by the replays that may run at once, so each replay's consumer gets its share of it.
 */
final class KafkaReaders {

    private KafkaReaders() {
    }

    static Map<String, Object> replay(Map<String, Object> kafka, AuditProperties audit) {
        var props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-replay");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int replays = Math.max(1, audit.maxConcurrentReplays());
        int fetchBytes = audit.fetchBytes() / replays;
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, fetchBytes);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Math.min(fetchBytes, audit.partitionFetchBytes() / replays));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) audit.kafkaTimeout().toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) audit.kafkaTimeout().toMillis());
        return props;
    }
}
