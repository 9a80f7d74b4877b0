package dk.amu.catalogue.standalone.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.testkit.CatalogueInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The topics as a read_committed reader sees them, read to their end with a plain consumer. */
final class CatalogueLog {

    private CatalogueLog() {
    }

    /** The events of these FKBs, in log order (per FKB, that is sequence order if the chain holds). */
    static List<CatalogueEvent> events(Set<String> fkbs) {
        var events = new ArrayList<CatalogueEvent>();
        read(CatalogueTopics.EVENTS, CatalogueEvent.class, (CatalogueEvent event) -> {
            if (fkbs.contains(event.getFkbCode())) {
                events.add(event);
            }
        });
        return events;
    }

    /** The latest snapshot of each of these FKBs: the document that was ingested last. */
    static Map<String, CatalogueSnapshot> snapshots(Set<String> fkbs) {
        var latest = new HashMap<String, CatalogueSnapshot>();
        read(CatalogueTopics.SNAPSHOTS, CatalogueSnapshot.class, (CatalogueSnapshot snapshot) -> {
            if (fkbs.contains(snapshot.getFkbCode())) {
                latest.put(snapshot.getFkbCode(), snapshot);
            }
        });
        return latest;
    }

    private static <T> void read(String topic, Class<T> type, java.util.function.Consumer<T> sink) {
        var infrastructure = CatalogueInfrastructure.running();
        var settings = new HashMap<String, Object>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.registryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type.getName());
        try (var consumer = new KafkaConsumer<String, T>(settings)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> sink.accept(record.value()));
            }
        }
    }
}
