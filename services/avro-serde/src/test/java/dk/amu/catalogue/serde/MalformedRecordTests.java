package dk.amu.catalogue.serde;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Poison records fail with a typed SerializationException that says what is wrong, where. */
class MalformedRecordTests {

    @TempDir
    static Path dataDirectory;

    static KafkaWithRegistry kafka;

    static AvroDeserializer<CatalogueEvent> deserializer;

    static byte[] valid;

    @BeforeAll
    static void startKafkaAndRegistry() {
        kafka = KafkaWithRegistry.start(dataDirectory);
        var client = SchemaRegistryClient.forUrl(kafka.registryUrl());
        valid = new AvroSerializer<CatalogueEvent>(client, true).serialize("poison", CatalogueEvents.courseLinked());
        deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void shouldRejectARecordThatDoesNotStartWithMagicByteZero() {
        var json = "{\"fkbCode\":\"2741\"}".getBytes();

        assertThatThrownBy(() -> deserializer.deserialize("poison", json))
                .isInstanceOf(UnknownMagicByteException.class)
                .hasMessageContaining("topic 'poison'")
                .hasMessageContaining("0x7b");
    }

    @Test
    void shouldRejectASchemaIdTheRegistryDoesNotKnow() {
        var unknownId = Arrays.copyOf(valid, valid.length);
        unknownId[1] = 0x7f;

        assertThatThrownBy(() -> deserializer.deserialize("poison", unknownId))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class,
                        ex -> assertThat(ex.schemaId()).isEqualTo(WireFormat.schemaId(unknownId)))
                .hasMessageContaining("topic 'poison'")
                .hasMessageContaining("schema id " + WireFormat.schemaId(unknownId))
                .hasMessageContaining(kafka.registryUrl());
    }

    @Test
    void shouldRejectARecordShorterThanTheHeader() {
        var cut = Arrays.copyOf(valid, 3);

        assertThatThrownBy(() -> deserializer.deserialize("poison", cut))
                .isInstanceOf(TruncatedRecordException.class)
                .hasMessageContaining("topic 'poison'")
                .hasMessageContaining("3 byte(s)");
    }

    @Test
    void shouldRejectARecordWhoseAvroBodyIsCutShort() {
        var id = WireFormat.schemaId(valid);
        for (var length : new int[] {WireFormat.HEADER_SIZE, WireFormat.HEADER_SIZE + 1, valid.length / 2,
                valid.length - 1}) {
            var cut = Arrays.copyOf(valid, length);

            assertThatThrownBy(() -> deserializer.deserialize("poison", cut))
                    .as("record cut to %d of %d bytes", length, valid.length)
                    .isInstanceOfSatisfying(TruncatedRecordException.class,
                            ex -> assertThat(ex.schemaId()).isEqualTo(id))
                    .hasMessageContaining("schema id " + id);
        }
    }

    @Test
    void shouldRefuseAWriterSchemaThatNamesAClassAvroDidNotGenerate() throws Exception {
        var gadget = SchemaBuilder.record("ProcessBuilder").namespace("java.lang").fields()
                .requiredString("command").endRecord();
        var id = kafka.registerByHand("gadget-value", gadget);
        var framed = new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id, 2, 'x'};

        assertThatThrownBy(() -> deserializer.deserialize("gadget", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.ProcessBuilder")
                .hasMessageContaining("no Avro-generated class");
    }

    @Test
    void shouldStillReadTheIntactRecordAfterRejectingBrokenOnes() {
        assertThat(deserializer.deserialize("poison", valid)).isEqualTo(CatalogueEvents.courseLinked());
    }

    @Test
    void shouldReachAConsumerAsTheCauseOfARecordDeserializationException() throws Exception {
        var topic = "poison.consumed";
        kafka.createTopic(topic);
        try (var producer = kafka.producer(new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "2741", new byte[] {1, 0, 0, 0, 1, 2})).get();
        }

        try (var consumer = kafka.consumer(topic, deserializer)) {
            assertThatThrownBy(() -> KafkaWithRegistry.poll(consumer, 1))
                    .isInstanceOfSatisfying(RecordDeserializationException.class,
                            ex -> assertThat(ex.offset()).isZero())
                    .cause()
                    .isInstanceOf(UnknownMagicByteException.class);
        }
    }

    @Test
    void shouldMakeEveryTypedErrorAKafkaSerializationException() {
        assertThat(SerializationException.class)
                .isAssignableFrom(UnknownMagicByteException.class)
                .isAssignableFrom(UnknownSchemaIdException.class)
                .isAssignableFrom(TruncatedRecordException.class)
                .isAssignableFrom(SchemaNotRegisteredException.class)
                .isAssignableFrom(SchemaRegistryUnavailableException.class);
    }
}
