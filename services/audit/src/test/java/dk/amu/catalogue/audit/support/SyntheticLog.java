package dk.amu.catalogue.audit.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.eventlog.EventChain;
import dk.amu.catalogue.eventlog.EventDraft;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.events.v1.EventSource;
import dk.amu.catalogue.events.v1.FkbRevised;
import dk.amu.catalogue.serde.AvroSerializer;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import dk.amu.catalogue.snapshots.v1.CourseLink;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Many FKBs of many links, written as ingest would write a first document of each: correctly
 * chained events through the project's serde and a snapshot per FKB that agrees with them.
 */
public final class SyntheticLog {

    private SyntheticLog() {
    }

    /** @return the number of events written */
    public static long write(KafkaInfrastructure.Running kafka, String prefix, int fkbs, int links) {
        var registry = SchemaRegistryClient.forUrl(kafka.registryUrl());
        long written = 0;
        try (var producer = new KafkaProducer<String, SpecificRecord>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new AvroSerializer<>(registry, true))) {
            for (int f = 0; f < fkbs; f++) {
                var fkb = prefix + "-" + f;
                var recordedAt = Instant.parse("2025-01-02T09:00:00Z");
                var linkList = new ArrayList<CourseLink>();
                var drafts = new ArrayList<EventDraft>();
                drafts.add(new EventDraft(new FkbRevised("Syntetisk " + f, null, List.of("Sagsbehandling på højt niveau"),
                        List.of()), LocalDate.of(2025, 1, 2)));
                for (int l = 0; l < links; l++) {
                    var link = new CourseLink(String.format("%05d", 10000 + l), "Økonomi og sagsbehandling på kursus " + l,
                            "AD", new BigDecimal("2.0"), LocalDate.of(2024, 12, 19), l % 10 == 0 ? LocalDate.of(2027, 6, 30) : null);
                    linkList.add(link);
                    drafts.add(new EventDraft(new CourseLinked(link), link.getLinkedFrom()));
                }
                var events = EventChain.append(fkb, 0, EventChain.GENESIS_HASH, drafts,
                        new EventSource("0".repeat(64), "synthetic-" + f + ".txt", "synthetic"), recordedAt);
                for (var event : events) {
                    producer.send(new ProducerRecord<>(CatalogueTopics.EVENTS, fkb, event));
                }
                var head = events.get(events.size() - 1);
                producer.send(new ProducerRecord<>(CatalogueTopics.SNAPSHOTS, fkb, new CatalogueSnapshot(fkb,
                        "Syntetisk " + f, List.of("Sagsbehandling på højt niveau"), linkList, "0".repeat(64),
                        "synthetic-" + f + ".txt", recordedAt, head.getSequence(), head.getHash(), List.of())));
                written += events.size();
            }
            producer.flush();
        }
        return written;
    }
}
