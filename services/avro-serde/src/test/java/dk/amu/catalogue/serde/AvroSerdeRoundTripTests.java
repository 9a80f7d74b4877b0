package dk.amu.catalogue.serde;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.events.v1.CourseLinked;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeRoundTripTests {

    @TempDir
    static Path dataDirectory;

    static KafkaWithRegistry kafka;

    @BeforeAll
    static void startKafkaAndRegistry() {
        kafka = KafkaWithRegistry.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void shouldCarryASnapshotThroughAProducerAndAConsumerUnchanged() {
        var topic = "amu.catalogue.snapshots.v1";
        kafka.createTopic(topic);
        var snapshot = CatalogueEvents.snapshot();
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        try (var producer = kafka.producer(new AvroSerializer<CatalogueSnapshot>(client, true))) {
            producer.send(new ProducerRecord<>(topic, snapshot.getFkbCode(), snapshot));
        }

        var deserializer = new AvroDeserializer<CatalogueSnapshot>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
        try (var consumer = kafka.consumer(topic, deserializer)) {
            var read = KafkaWithRegistry.poll(consumer, 1).get(0);

            assertThat(read.key()).isEqualTo(CatalogueEvents.FKB);
            assertThat(read.value()).isEqualTo(snapshot);
            assertThat(snapshot).isEqualTo(read.value());
            assertThat(read.value().hashCode()).isEqualTo(snapshot.hashCode());
            assertThat(read.value().getLinks().get(0).getDurationDays()).isEqualTo(new BigDecimal("2.0"));
            assertThat(read.value().getExpiredLinks()).hasSize(1);
        }
    }

    @Test
    void shouldCarryEveryKindOfPayloadThroughOneTopicUnderOneSchemaId() {
        var topic = "amu.catalogue.events.v1";
        kafka.createTopic(topic);
        var events = CatalogueEvents.allKinds();
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        var serializer = new AvroSerializer<CatalogueEvent>(client, true);
        try (var producer = kafka.producer(serializer)) {
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.getFkbCode(), event)));
        }

        try (var consumer = kafka.consumer(topic, new AvroDeserializer<CatalogueEvent>(client))) {
            var read = KafkaWithRegistry.poll(consumer, events.size()).stream().map(r -> r.value()).toList();

            assertThat(read).containsExactlyElementsOf(events);
            assertThat(read.get(1).getPayload()).isInstanceOf(CourseLinked.class);
        }
        var ids = kafka.readRaw(topic, events.size()).stream().map(r -> WireFormat.schemaId(r.value())).distinct();
        assertThat(ids).hasSize(1);
    }

    @Test
    void shouldRoundTripThroughTheSerdeAndRegisterKeysUnderTheKeySubject() throws Exception {
        var serde = new AvroSerde<CatalogueEvent>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), true);
        var event = CatalogueEvents.fkbRevised();

        var bytes = serde.serializer().serialize("keyed", event);

        assertThat(serde.deserializer().deserialize("keyed", bytes)).isEqualTo(event);
        var lookedUp = SchemaRegistryClient.forUrl(kafka.registryUrl()).lookup("keyed-key", event.getSchema());
        assertThat(lookedUp).isEqualTo(WireFormat.schemaId(bytes));
        serde.close();
    }

    @Test
    void shouldReadIntoAConfiguredTargetTypeWhateverTheWriterSchemaIsCalled() {
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        var bytes = new AvroSerializer<CatalogueEvent>(client, true).serialize("targeted", CatalogueEvents.endScheduled());
        var deserializer = new AvroDeserializer<CatalogueEvent>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, CatalogueEvent.class.getName()), false);

        assertThat(deserializer.deserialize("targeted", bytes)).isEqualTo(CatalogueEvents.endScheduled());
    }

    @Test
    void shouldReadGeneratedClassesWithoutWideningAvrosClassAllowList() {
        var validator = ClassSecurityValidator.getGlobal();
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        var bytes = new AvroSerializer<CatalogueSnapshot>(client, true).serialize("trust", CatalogueEvents.snapshot());

        assertThat(new AvroDeserializer<CatalogueSnapshot>(client).deserialize("trust", bytes))
                .isEqualTo(CatalogueEvents.snapshot());
        assertThat(ClassSecurityValidator.getGlobal()).isSameAs(validator);
        assertThatThrownBy(() -> new SpecificDatumReader<>(CatalogueSnapshot.class))
                .as("plain Avro 1.12.2 refuses the same class without org.apache.avro.SERIALIZABLE_PACKAGES")
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void shouldTurnNullIntoNullBothWaysForTombstones() {
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());

        assertThat(new AvroSerializer<CatalogueSnapshot>(client).serialize("tombstones", null)).isNull();
        assertThat(new AvroDeserializer<CatalogueSnapshot>(client).deserialize("tombstones", null)).isNull();
    }
}
