package dk.amu.catalogue.serde;

import java.nio.file.Path;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.serde.registry.SubjectSchemaNotRegisteredException;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without auto.register.schemas only schemas registered on purpose (by the build, by an operator) are written. */
class AutoRegisterTests {

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
    void shouldRefuseASchemaThatIsNotRegisteredAndNameTheSubject() {
        var serializer = lookupOnlySerializer();

        assertThatThrownBy(() -> serializer.serialize("unregistered.topic", CatalogueEvents.courseLinked()))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class,
                        ex -> assertThat(ex.subject()).isEqualTo("unregistered.topic-value"))
                .hasMessage("schema for subject 'unregistered.topic-value' is not registered; register it or set "
                        + "auto.register.schemas=true")
                .hasCauseInstanceOf(SubjectSchemaNotRegisteredException.class);
    }

    @Test
    void shouldRefuseASchemaOtherThanTheOneRegisteredUnderTheSubject() throws Exception {
        kafka.registerByHand("mismatch.topic-value", CatalogueSnapshot.getClassSchema());

        assertThatThrownBy(() -> lookupOnlySerializer().serialize("mismatch.topic", CatalogueEvents.courseLinked()))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining("'mismatch.topic-value'");
    }

    @Test
    void shouldFailTheSendOfAProducerWithTheSameError() {
        var topic = "unregistered.sent";
        kafka.createTopic(topic);
        try (var producer = kafka.producer(lookupOnlySerializer())) {
            var event = CatalogueEvents.courseLinked();

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, event.getFkbCode(), event)))
                    .isInstanceOf(SchemaNotRegisteredException.class)
                    .hasMessageContaining("'unregistered.sent-value'");
        }
    }

    @Test
    void shouldWriteWithTheRegisteredIdOnceTheSchemaIsRegistered() throws Exception {
        var id = kafka.registerByHand("registered.topic-value", CatalogueEvent.getClassSchema());
        var serializer = lookupOnlySerializer();

        var bytes = serializer.serialize("registered.topic", CatalogueEvents.courseLinked());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        assertThat(new AvroDeserializer<CatalogueEvent>(client).deserialize("registered.topic", bytes))
                .isEqualTo(CatalogueEvents.courseLinked());
    }

    @Test
    void shouldRegisterTheSchemaItselfWhenAllowedTo() {
        var serializer = new AvroSerializer<CatalogueEvent>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);

        var bytes = serializer.serialize("self.registered", CatalogueEvents.courseLinked());

        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        assertThat(client.lookup("self.registered-value", CatalogueEvent.getClassSchema()))
                .isEqualTo(WireFormat.schemaId(bytes));
    }

    private static AvroSerializer<CatalogueEvent> lookupOnlySerializer() {
        var serializer = new AvroSerializer<CatalogueEvent>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
        return serializer;
    }
}
