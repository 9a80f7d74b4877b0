package dk.amu.catalogue.serde;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes on the topic are Confluent's wire format, checked with plain Kafka, HTTP and Avro only. */
class WireFormatTests {

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
    void shouldWriteMagicByteSchemaIdAndPlainAvroBinaryThatAnyAvroReaderDecodes() throws Exception {
        var topic = "wire.written";
        kafka.createTopic(topic);
        var event = CatalogueEvents.courseLinked();
        try (var producer = new KafkaProducer<String, CatalogueEvent>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true"))) {
            producer.send(new ProducerRecord<>(topic, event.getFkbCode(), event)).get();
        }

        var bytes = kafka.readRaw(topic, 1).get(0).value();
        assertThat(bytes[0]).isZero();
        var id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        var writerSchema = new Schema.Parser().parse(kafka.schemaTextByHand(id));
        var decoded = new GenericDatumReader<GenericRecord>(writerSchema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

        assertThat(writerSchema.getFullName()).isEqualTo("dk.amu.catalogue.events.v1.CatalogueEvent");
        assertThat(decoded.get("eventId")).hasToString(event.getEventId());
        assertThat(decoded.get("fkbCode")).hasToString("2741");
        assertThat(decoded.get("sequence")).isEqualTo(1L);
        assertThat(decoded.get("recordedAt")).isEqualTo(event.getRecordedAt().toEpochMilli());
        assertThat(decoded.get("effectiveDate")).isEqualTo((int) LocalDate.of(2025, 1, 28).toEpochDay());
        var source = (GenericRecord) decoded.get("source");
        assertThat(source.get("documentName")).hasToString("fkb-2741-viden-og-forretningsservice.pdf");
        assertThat(source.get("ingestionId")).hasToString(event.getSource().getIngestionId());
        var payload = (GenericRecord) decoded.get("payload");
        assertThat(payload.getSchema().getName()).isEqualTo("CourseLinked");
        var link = (GenericRecord) payload.get("link");
        assertThat(link.get("courseNumber")).hasToString("22487");
        assertThat(link.get("title")).hasToString("Skriftlig kommunikation - sprog og sprogbrug");
        assertThat(link.get("euu")).hasToString("AD");
        assertThat(decimal((ByteBuffer) link.get("durationDays"), 1)).isEqualTo(new BigDecimal("2.5"));
        assertThat(link.get("linkedFrom")).isEqualTo((int) LocalDate.of(2025, 1, 28).toEpochDay());
        assertThat(link.get("linkedTo")).isNull();
    }

    @Test
    void shouldReadARecordFramedByHandWithAnIdRegisteredOverPlainHttp() throws Exception {
        var topic = "wire.framed";
        kafka.createTopic(topic);
        var event = CatalogueEvents.endScheduled();
        var id = kafka.registerByHand(topic + "-value", CatalogueEvent.getClassSchema());
        var framed = frameByHand(id, event);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, event.getFkbCode(), framed)).get();
        }

        try (var consumer = new KafkaConsumer<String, CatalogueEvent>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "framed-by-hand",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()))) {
            consumer.subscribe(List.of(topic));
            var read = KafkaWithRegistry.poll(consumer, 1).get(0).value();

            assertThat(read).isEqualTo(event);
            assertThat(read.getSource().getDocumentSha256()).isEqualTo(event.getSource().getDocumentSha256());
        }
    }

    @Test
    void shouldFrameExactlyTheBytesAPlainAvroWriterProducesAfterTheHeader() throws Exception {
        var topic = "wire.compare";
        var event = CatalogueEvents.detailsChanged();
        var id = kafka.registerByHand(topic + "-value", CatalogueEvent.getClassSchema());
        var serializer = new AvroSerializer<CatalogueEvent>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, kafka.registryUrl()), false);

        assertThat(serializer.serialize(topic, event)).isEqualTo(frameByHand(id, event));
    }

    private static byte[] frameByHand(int id, CatalogueEvent event) throws Exception {
        var out = new ByteArrayOutputStream();
        var data = new DataOutputStream(out);
        data.writeByte(0);
        data.writeInt(id);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(CatalogueEvent.class).write(event, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static BigDecimal decimal(ByteBuffer unscaled, int scale) {
        var bytes = Arrays.copyOfRange(unscaled.array(), unscaled.arrayOffset() + unscaled.position(),
                unscaled.arrayOffset() + unscaled.limit());
        return new BigDecimal(new BigInteger(bytes), scale);
    }
}
