package dk.amu.catalogue.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's compacted topic: created when missing, replayed from the beginning on start, and written
 * to synchronously, so a change is durable in Kafka before the registry acknowledges it.
 */
final class SchemaLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String topic;

    private final String bootstrapServers;

    private final KafkaProducer<byte[], byte[]> producer;

    private SchemaLog(String bootstrapServers, String topic, KafkaProducer<byte[], byte[]> producer) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.producer = producer;
    }

    static SchemaLog open(RegistrySettings settings) {
        createTopicIfMissing(settings.bootstrapServers(), settings.topic());
        var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
        return new SchemaLog(settings.bootstrapServers(), settings.topic(), producer);
    }

    String topic() {
        return topic;
    }

    /** Reads every record from the beginning to the end offset seen at the start of the replay. */
    void replay(Consumer<LogEntry> sink) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-replay",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, TIMEOUT).get(partitions.get(0));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partitions.get(0), TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the schema registry topic " + topic + " to offset "
                            + end + " within " + TIMEOUT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> sink.accept(LogRecords.decode(record.key(), record.value())));
            }
        }
    }

    /** Writes one change and waits until the broker has it on every in-sync replica. */
    void append(byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("Interrupted while writing to the schema registry topic", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw RegistryError.storeError("Error while writing to the schema registry topic " + topic, ex);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static void createTopicIfMissing(String bootstrapServers, String topic) {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            // one partition keeps the changes in order; as many replicas as the cluster gives a topic by default
            var newTopic = new NewTopic(topic, Optional.of(1), Optional.empty()).configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(List.of(newTopic)).all().get();
            log.info("Created the schema registry topic {}", topic);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schema registry topic " + topic + ": " + ex.getCause().getMessage(), ex);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the schema registry topic " + topic, ex);
        }
    }
}
