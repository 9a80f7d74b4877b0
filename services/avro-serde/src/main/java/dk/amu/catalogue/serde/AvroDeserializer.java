package dk.amu.catalogue.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.amu.catalogue.serde.registry.SchemaIdNotFoundException;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.serde.registry.SchemaRegistryException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format into generated Avro classes: the writer schema comes
 * from the registry by the id in the header, the reader schema from the generated class the writer
 * schema names (or {@code specific.avro.value.type}), and Avro resolves one into the other.
 * Malformed input fails with a typed {@link SerializationException} that names the topic and id,
 * so Spring Kafka's ErrorHandlingDeserializer can hand the record to a dead-letter recoverer.
 * Thread-safe.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private static final ThreadLocal<BinaryDecoder[]> DECODER = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private SchemaRegistryClient client;

    private Class<?> targetType;

    private final Map<Integer, Reading<T>> readings = new ConcurrentHashMap<>();

    /** The last writer id seen: a topic's records nearly always share one. */
    private volatile Reading<T> last;

    /** For Kafka, which creates deserializers by class name and then calls {@link #configure}. */
    public AvroDeserializer() {
    }

    /** For programmatic use; {@code schema.registry.url} is then not needed in {@link #configure}. */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Reads every record into {@code targetType}, whatever class the writer schema names. */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> targetType) {
        this.client = client;
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        var config = new AvroSerdeConfig(configs);
        var configured = config.specificType(isKey);
        if (configured != null) {
            targetType = configured;
        }
        if (client == null) {
            client = config.client();
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw TruncatedRecordException.inHeader(topic, data.length);
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new UnknownMagicByteException(topic, data[0]);
        }
        var id = WireFormat.schemaId(data);
        var reader = reading(topic, id).reader();
        var decoders = DECODER.get();
        var decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, decoders[0]);
        decoders[0] = decoder;
        try {
            return reader.read(null, decoder);
        }
        catch (EOFException | ArrayIndexOutOfBoundsException ex) {
            throw TruncatedRecordException.inBody(topic, id, data.length, ex);
        }
        catch (IOException | AvroRuntimeException | IllegalArgumentException ex) {
            throw new SerializationException("record on topic '" + topic + "' with schema id " + id
                    + " is not valid Avro for its writer schema: " + ex, ex);
        }
    }

    private Reading<T> reading(String topic, int id) {
        var recent = last;
        if (recent != null && recent.id() == id) {
            return recent;
        }
        var reading = readings.get(id);
        if (reading == null) {
            var created = newReading(topic, id);
            reading = readings.putIfAbsent(id, created);
            reading = reading != null ? reading : created;
        }
        last = reading;
        return reading;
    }

    private Reading<T> newReading(String topic, int id) {
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: call configure() or pass a client");
        }
        try {
            var writerSchema = client.schemaById(id);
            return new Reading<>(id, SpecificReaders.<T>forWriter(writerSchema, targetType, topic, id));
        }
        catch (SchemaIdNotFoundException ex) {
            throw new UnknownSchemaIdException(topic, id, client.baseUrl(), ex);
        }
        catch (SchemaRegistryException ex) {
            throw RegistryErrors.translate("cannot deserialize record on topic '" + topic + "' with schema id " + id, ex);
        }
    }

    @Override
    public void close() {
        // the client holds no resources that outlive its caches
    }

    private record Reading<T>(int id, DatumReader<T> reader) {
    }
}
