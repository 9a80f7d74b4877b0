package dk.amu.catalogue.ingest.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the committed records of a topic without any of the project's code: raw bytes from a plain
 * consumer, the writer schema by plain HTTP from the registry, decoded by Avro's generic reader.
 */
public final class IndependentEventReader {

    private final String bootstrapServers;

    private final String registryUrl;

    private final Map<Integer, Schema> schemas = new HashMap<>();

    public IndependentEventReader(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    public record Event(String key, long sequence, String type, String courseNumber, LocalDate effectiveDate,
            String eventId, String previousHash, String hash, GenericRecord record) {
    }

    /** Every committed event of one FKB, in log order. */
    public List<Event> events(String topic, String fkbCode) {
        return read(topic).stream().filter(event -> event.key().equals(fkbCode)).toList();
    }

    public List<Event> read(String topic) {
        var events = new ArrayList<Event>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(decode(record.key(), record.value())));
            }
        }
        return events;
    }

    /** The log-end offset of each partition: unchanged offsets prove nothing was written, not even an aborted record. */
    public Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(description -> description.partitions().stream()
                            .map(p -> new TopicPartition(description.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var offsets = admin.listOffsets(partitions).all().get();
            return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Event decode(String key, byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != 0) {
            throw new IllegalStateException("not the Confluent wire format");
        }
        var schema = schema(buffer.getInt());
        try {
            var decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
            if (!schema.getName().equals("CatalogueEvent")) {
                return new Event(key, 0, schema.getName(), null, null, null, null, null, record);
            }
            var payload = (GenericRecord) record.get("payload");
            return new Event(key, (Long) record.get("sequence"), payload.getSchema().getName(), courseNumber(payload),
                    LocalDate.ofEpochDay((Integer) record.get("effectiveDate")), record.get("eventId").toString(),
                    record.get("previousHash").toString(), record.get("hash").toString(), record);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String courseNumber(GenericRecord payload) {
        if (payload.hasField("courseNumber")) {
            return payload.get("courseNumber").toString();
        }
        if (payload.hasField("link")) {
            return ((GenericRecord) payload.get("link")).get("courseNumber").toString();
        }
        return null;
    }

    private Schema schema(int id) {
        return schemas.computeIfAbsent(id, this::fetch);
    }

    private Schema fetch(int id) {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            return new Schema.Parser().parse(json.get("schema").asText());
        }
        catch (IOException | InterruptedException ex) {
            throw new IllegalStateException("cannot fetch schema " + id, ex);
        }
    }
}
