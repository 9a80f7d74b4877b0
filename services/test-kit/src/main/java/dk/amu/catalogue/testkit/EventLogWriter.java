package dk.amu.catalogue.testkit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.ChainCheck.Head;
import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import dk.amu.catalogue.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes events to the events topic the way ingest does (the project's serde, transactions,
 * keyed by FKB code), without parsing documents: correctly chained histories, and poison records
 * that no consumer can decode. Each writer continues the chains it started itself.
 */
public final class EventLogWriter implements AutoCloseable {

    private static final EventSource SOURCE = new EventSource(null, "test-kit", "test-kit");

    private final KafkaProducer<String, CatalogueEvent> events;

    private final KafkaProducer<String, byte[]> raw;

    private final Map<String, Head> heads = new HashMap<>();

    public EventLogWriter(String bootstrapServers, String registryUrl) {
        Map<String, Object> common = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        var eventSettings = new HashMap<String, Object>(common);
        eventSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-kit-" + UUID.randomUUID());
        eventSettings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        eventSettings.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        eventSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        eventSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class);
        this.events = new KafkaProducer<>(eventSettings);
        this.events.initTransactions();
        this.raw = new KafkaProducer<>(common, new StringSerializer(), new ByteArraySerializer());
    }

    public static EventLogWriter forRunning() {
        var running = CatalogueInfrastructure.running();
        return new EventLogWriter(running.bootstrapServers(), running.registryUrl());
    }

    /** Seals the drafts onto the FKB's chain and commits them in one transaction. */
    public List<CatalogueEvent> append(String fkbCode, Instant recordedAt, EventDraft... drafts) {
        Head head = heads.getOrDefault(fkbCode, new Head(0, EventChain.GENESIS_HASH));
        var sealed = EventChain.append(fkbCode, head.sequence(), head.hash(), List.of(drafts), SOURCE, recordedAt);
        write(sealed);
        return sealed;
    }

    /** Writes events exactly as given, chained or not, in one transaction. */
    public void write(List<CatalogueEvent> batch) {
        write(batch.iterator(), Integer.MAX_VALUE);
    }

    /**
     * Writes a long stream of events, a transaction per {@code perTransaction} events, in constant
     * memory: how the benchmarks and the large-log tests fill the topic.
     *
     * @return how many events were written
     */
    public long write(Iterator<CatalogueEvent> stream, int perTransaction) {
        long written = 0;
        while (stream.hasNext()) {
            events.beginTransaction();
            for (int i = 0; i < perTransaction && stream.hasNext(); i++, written++) {
                var event = stream.next();
                events.send(new ProducerRecord<>(CatalogueTopics.EVENTS, event.getFkbCode(), event));
                heads.merge(event.getFkbCode(), new Head(event.getSequence(), event.getHash()),
                        (old, next) -> next.sequence() > old.sequence() ? next : old);
            }
            events.commitTransaction();
        }
        return written;
    }

    /** A record no consumer can decode, keyed like an event, outside any transaction. */
    public void writePoison(String topic, String key, byte[] value) {
        try {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("could not write the poison record to " + topic, ex);
        }
    }

    /** The head of every chain this writer has written. */
    public Map<String, Head> heads() {
        return Map.copyOf(heads);
    }

    @Override
    public void close() {
        events.close();
        raw.close();
    }
}
