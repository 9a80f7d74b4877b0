package dk.amu.catalogue.audit.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The end offsets of topics, as a read_committed replay would stop at them: one request to the
 * brokers, on one long-lived consumer that reads nothing, so that the answer cache can tell in a
 * few milliseconds whether the log has moved since a question was last answered.
 */
public final class LogEnds implements AutoCloseable {

    private final Map<String, Object> settings;

    private Consumer<byte[], byte[]> consumer;

    private final Duration timeout;

    private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

    private final String bootstrapServers;

    /** @param consumerSettings the replay's settings: read_committed, without a group */
    public LogEnds(Map<String, Object> consumerSettings, Duration timeout) {
        this.settings = new HashMap<>(consumerSettings);
        settings.put("client.id", "audit-log-ends");
        this.timeout = timeout;
        var servers = consumerSettings.get("bootstrap.servers");
        this.bootstrapServers = servers instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(servers);
    }

    /** The end of every partition of these topics; a consumer is not thread-safe, so one caller at a time. */
    public synchronized Map<TopicPartition, Long> of(List<String> topics) {
        if (consumer == null) {
            // made when first asked: the command line, which keeps no answers, never asks
            consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        try {
            var all = new ArrayList<TopicPartition>();
            for (var topic : topics) {
                all.addAll(partitionsOf(topic));
            }
            return Map.copyOf(consumer.endOffsets(all, timeout));
        }
        catch (KafkaException ex) {
            throw new KafkaUnavailableException("cannot reach Kafka at " + bootstrapServers + " to read the ends of "
                    + topics + ": " + ex.getMessage(), ex);
        }
    }

    private List<TopicPartition> partitionsOf(String topic) {
        var known = partitions.get(topic);
        if (known != null) {
            return known;
        }
        var infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new KafkaUnavailableException("topic " + topic + " does not exist on Kafka at " + bootstrapServers, null);
        }
        var found = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        partitions.put(topic, found);
        return found;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }
}
