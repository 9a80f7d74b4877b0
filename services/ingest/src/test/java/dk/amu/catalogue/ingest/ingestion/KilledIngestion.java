package dk.amu.catalogue.ingest.ingestion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import dk.amu.catalogue.ingest.changes.CatalogueDiff;
import dk.amu.catalogue.ingest.changes.DocumentOrigin;
import dk.amu.catalogue.ingest.document.FkbDocumentParser;
import dk.amu.catalogue.eventlog.CatalogueTopics;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import dk.amu.catalogue.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The main of a child JVM that dies in the middle of an ingestion: it computes the events the
 * service would publish for a new FKB, opens a transaction under the service's transactional id for
 * that FKB, sends the first few, flushes them to the broker and halts without commit or abort,
 * as a process does under {@code kill -9}.
 *
 * <p>Arguments: bootstrap servers, registry URL, FKB code, document file, the instant the ingestion
 * runs at, how many events to send, the service's number of transaction slots.
 */
public final class KilledIngestion {

    private KilledIngestion() {
    }

    public static void main(String[] args) throws Exception {
        var fkbCode = args[2];
        var file = Path.of(args[3]);
        var now = Instant.parse(args[4]);
        int send = Integer.parseInt(args[5]);
        int slots = Integer.parseInt(args[6]);

        var content = Files.readAllBytes(file);
        var document = new FkbDocumentParser().parse(content, file.getFileName().toString());
        var origin = new DocumentOrigin(DocumentDigest.sha256Hex(content), file.getFileName().toString(), "killed-ingestion");
        var changes = new CatalogueDiff().diff(fkbCode, null, document, null, origin, now,
                LocalDate.ofInstant(now, ZoneId.of("Europe/Copenhagen")));

        // the transactional id scheme of FkbWriters, and the producer settings of KafkaClients
        var transactionalId = "amu-catalogue-ingest-" + Math.floorMod(fkbCode.hashCode(), slots);
        var producer = new KafkaProducer<String, SpecificRecord>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, args[1],
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
        producer.initTransactions();
        producer.beginTransaction();
        for (var event : changes.events().subList(0, send)) {
            producer.send(new ProducerRecord<>(CatalogueTopics.EVENTS, fkbCode, event));
            System.out.println("sent " + event.getEventId());
        }
        producer.flush();
        System.out.println("flushed " + transactionalId + " of " + changes.events().size() + " events");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
