package dk.amu.catalogue.eventconsumer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.serde.AvroSerdeConfig;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows a dead letter's content: decoded with the project's deserializer, the way the consumer would
 * have read it, and written in Avro's own JSON encoding (unions as {@code {"type": value}}), which the
 * writer schema makes exact; or, when it cannot be decoded, its bytes in base64 and the decoder's reason.
 */
final class DeadLetterDecoder implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AvroDeserializer<CatalogueEvent> deserializer = new AvroDeserializer<>();

    DeadLetterDecoder(String registryUrl) {
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, CatalogueEvent.class.getName()), false);
    }

    DeadLetterDetail decode(DeadLetter letter, String topic, byte[] value) {
        CatalogueEvent event;
        try {
            event = deserializer.deserialize(topic, value);
        }
        catch (RuntimeException ex) {
            return new DeadLetterDetail(letter, null, value == null ? null : Base64.getEncoder().encodeToString(value),
                    ex.getClass().getName() + ": " + ex.getMessage());
        }
        if (event == null) {
            return new DeadLetterDetail(letter, null, null, "the record has no value");
        }
        return new DeadLetterDetail(letter, JSON.readTree(json(event)), null, null);
    }

    static String json(CatalogueEvent event) {
        try {
            var out = new ByteArrayOutputStream();
            var encoder = EncoderFactory.get().jsonEncoder(event.getSchema(), out);
            // the generated class's own model: Avro would otherwise look the class up by name, and refuse it
            new SpecificDatumWriter<CatalogueEvent>(event.getSchema(), SpecificData.getForClass(CatalogueEvent.class))
                    .write(event, encoder);
            encoder.flush();
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
