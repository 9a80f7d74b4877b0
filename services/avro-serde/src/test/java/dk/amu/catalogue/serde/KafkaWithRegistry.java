package dk.amu.catalogue.serde;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.amu.catalogue.kafka.broker.BrokerSettings;
import dk.amu.catalogue.kafka.broker.EmbeddedKafkaBroker;
import dk.amu.catalogue.registry.EmbeddedSchemaRegistry;
import dk.amu.catalogue.registry.RegistrySettings;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * A real in-process broker and the project's real embedded registry, for one test class, plus the
 * plain clients (Kafka and HTTP, none of the project's serde) the tests check the serde against.
 */
final class KafkaWithRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final EmbeddedKafkaBroker broker;

    private final EmbeddedSchemaRegistry registry;

    private KafkaWithRegistry(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
        this.broker = broker;
        this.registry = registry;
    }

    static KafkaWithRegistry start(Path dataDirectory) {
        var broker = EmbeddedKafkaBroker.start(BrokerSettings.onFreePorts(dataDirectory));
        try {
            return new KafkaWithRegistry(broker, startRegistry(broker.bootstrapServers(), "_schemas", 0));
        }
        catch (RuntimeException ex) {
            broker.close();
            throw ex;
        }
    }

    static EmbeddedSchemaRegistry startRegistry(String bootstrapServers, String topic, int port) {
        return EmbeddedSchemaRegistry.start(new RegistrySettings(bootstrapServers, "127.0.0.1", port, topic));
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    void createTopic(String topic) {
        try (var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException("cannot create topic " + topic, ex);
        }
    }

    <V> KafkaProducer<String, V> producer(Serializer<V> values) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), values);
    }

    <V> KafkaConsumer<String, V> consumer(String topic, Deserializer<V> values) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "serde-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls with Awaitility until {@code count} records have arrived. */
    static <V> List<ConsumerRecord<String, V>> poll(KafkaConsumer<String, V> consumer, int count) {
        var records = new ArrayList<ConsumerRecord<String, V>>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        return records;
    }

    List<ConsumerRecord<String, byte[]>> readRaw(String topic, int count) {
        try (var consumer = consumer(topic, new ByteArrayDeserializer())) {
            return poll(consumer, count);
        }
    }

    /** POST /subjects/{subject}/versions with a plain HTTP client; returns the id. */
    int registerByHand(String subject, Schema schema) throws Exception {
        var body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        var request = HttpRequest.newBuilder(URI.create(registryUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return json(request).path("id").asInt();
    }

    /** GET /schemas/ids/{id} with a plain HTTP client; returns the schema text. */
    String schemaTextByHand(int id) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(registryUrl() + "/schemas/ids/" + id)).GET().build();
        return json(request).path("schema").asText();
    }

    private static JsonNode json(HttpRequest request) throws Exception {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        try {
            registry.close();
        }
        finally {
            broker.close();
        }
    }
}
