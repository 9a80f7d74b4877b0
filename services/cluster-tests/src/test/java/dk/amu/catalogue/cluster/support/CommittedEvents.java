package dk.amu.catalogue.cluster.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.ChainCheck;
import dk.amu.catalogue.eventlog.WrittenEvents;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events topic as a {@code read_committed} reader sees it, read without the project's serde: raw
 * bytes from a plain consumer, the writer schema by plain HTTP from the registry, Avro's generic reader.
 * Each event is checked against its FKB's chain as it comes, in log order.
 */
public final class CommittedEvents {

    /** One committed event: where it is, what it carries, and what the chain check said of it. */
    public record Event(String fkbCode, long sequence, String eventId, String type, TopicPartition partition, long offset) {
    }

    private final List<Event> events;

    private final List<ChainCheck.Finding> findings;

    private CommittedEvents(List<Event> events, List<ChainCheck.Finding> findings) {
        this.events = events;
        this.findings = findings;
    }

    public static CommittedEvents read(String bootstrapServers, String registryUrl) {
        var schemas = new HashMap<Integer, Schema>();
        var events = new ArrayList<Event>();
        var check = new ChainCheck();
        var findings = new ArrayList<ChainCheck.Finding>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(CatalogueTopics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + CatalogueTopics.EVENTS + " to " + end + " in 2 minutes");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var bytes = record.value();
                    var buffer = ByteBuffer.wrap(bytes);
                    if (buffer.get() != 0) {
                        throw new IllegalStateException("not the Confluent wire format at " + record.topic() + "-"
                                + record.partition() + "@" + record.offset());
                    }
                    var schema = schemas.computeIfAbsent(buffer.getInt(), id -> fetch(registryUrl, id));
                    GenericRecord event = WrittenEvents.decode(bytes, 5, bytes.length - 5, schema);
                    var fkb = event.get("fkbCode").toString();
                    long sequence = (Long) event.get("sequence");
                    var eventId = event.get("eventId").toString();
                    check.accept(new ChainCheck.Observed(fkb, sequence, event.get("previousHash").toString(),
                            event.get("hash").toString(), eventId, WrittenEvents.hashOf(event), WrittenEvents.eventIdOf(event)))
                            .ifPresent(findings::add);
                    events.add(new Event(fkb, sequence, eventId, ((GenericRecord) event.get("payload")).getSchema().getName(),
                            new TopicPartition(record.topic(), record.partition()), record.offset()));
                }
            }
        }
        return new CommittedEvents(List.copyOf(events), List.copyOf(findings));
    }

    public List<Event> all() {
        return events;
    }

    /** The event ids of one FKB in log order. */
    public List<String> eventIds(String fkbCode) {
        return events.stream().filter(e -> e.fkbCode().equals(fkbCode)).map(Event::eventId).toList();
    }

    /** What the chain check found wrong: a missing, repeated, reordered or altered event, or a broken link. */
    public List<ChainCheck.Finding> chainFindings() {
        return findings;
    }

    private static Schema fetch(String registryUrl, int id) {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var json = JsonMapper.builder().build().readTree(response.body());
            return new Schema.Parser().parse(json.get("schema").asString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot fetch schema " + id + " from " + registryUrl, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
