package dk.amu.catalogue.audit.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An independent tool: copies a topic's committed records byte for byte into a new topic, partition
 * for partition, with plain Kafka clients and none of the project's code, optionally tampering with
 * the copy first. The copy has no transaction markers, so a record's offset there is its index.
 */
public final class LogCopier {

    private final String bootstrapServers;

    public LogCopier(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A record of the copy, as it will be written. */
    public record Copied(byte[] key, byte[] value) {

        public String keyText() {
            return new String(key, UTF_8);
        }
    }

    /** The records of each partition, in offset order; the tamper step may change the lists. */
    public record Partitions(Map<Integer, List<Copied>> records) {

        /** The n-th record (from 1) with this key, and its partition and index: for a sound log, the FKB's sequence n. */
        public Located nth(String key, int n) {
            for (var entry : records.entrySet()) {
                int seen = 0;
                var list = entry.getValue();
                for (int i = 0; i < list.size(); i++) {
                    if (Arrays.equals(list.get(i).key(), key.getBytes(UTF_8)) && ++seen == n) {
                        return new Located(entry.getKey(), i);
                    }
                }
            }
            throw new AssertionError("no record " + n + " with key " + key);
        }

        public List<Copied> partition(int partition) {
            return records.get(partition);
        }
    }

    public record Located(int partition, int index) {
    }

    public void copy(String from, String to, Consumer<Partitions> tamper) {
        var partitions = read(from);
        tamper.accept(partitions);
        write(to, partitions);
    }

    private Partitions read(String topic) {
        var settings = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            var records = new HashMap<Integer, List<Copied>>();
            partitions.forEach(p -> records.put(p.partition(), new ArrayList<>()));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        records.get(record.partition()).add(new Copied(record.key(), record.value()));
                    }
                }
            }
            return new Partitions(records);
        }
    }

    private void write(String topic, Partitions partitions) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
                var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions.records().size(), (short) 1))).all().get();
            for (var entry : partitions.records().entrySet()) {
                for (var record : entry.getValue()) {
                    producer.send(new ProducerRecord<>(topic, entry.getKey(), record.key(), record.value()));
                }
            }
            producer.flush();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
