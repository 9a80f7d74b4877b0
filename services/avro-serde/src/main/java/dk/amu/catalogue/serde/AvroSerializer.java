package dk.amu.catalogue.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.serde.registry.SchemaRegistryException;
import dk.amu.catalogue.serde.registry.SubjectSchemaNotRegisteredException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, with the schema id the registry
 * assigns under {@code <topic>-value} (or {@code -key}). By default the schema must already be
 * registered; set {@code auto.register.schemas=true} to let the serializer register it.
 * Thread-safe, as KafkaProducer requires.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient client;

    private boolean autoRegister;

    private boolean isKey;

    private final Map<TopicSchema, Target<T>> targets = new ConcurrentHashMap<>();

    /** The last target used: a producer writes one schema to one topic over and over. */
    private volatile Target<T> last;

    /** For Kafka, which creates serializers by class name and then calls {@link #configure}. */
    public AvroSerializer() {
    }

    /** For programmatic use; {@code schema.registry.url} is then not needed in {@link #configure}. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public AvroSerializer(SchemaRegistryClient client, boolean autoRegister) {
        this.client = client;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        var config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegister();
        if (client == null) {
            client = config.client();
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        var target = target(topic, data);
        var buffer = EncodingBuffer.forThisThread();
        var encoder = buffer.start(target.header());
        try {
            target.writer().write(data, encoder);
            encoder.flush();
        }
        catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException ex) {
            throw new SerializationException("cannot write " + data.getSchema().getFullName() + " for topic '" + topic
                    + "' with schema id " + target.id() + ": " + ex, ex);
        }
        return buffer.toByteArray();
    }

    private Target<T> target(String topic, T data) {
        var schema = data.getSchema();
        var recent = last;
        if (recent != null && recent.schema() == schema && recent.topic().equals(topic)) {
            return recent;
        }
        var key = new TopicSchema(topic, schema);
        var target = targets.get(key);
        if (target == null) {
            // not computeIfAbsent: the registry call may retry for seconds and must not block other keys
            var created = newTarget(topic, schema, data.getClass());
            target = targets.putIfAbsent(key, created);
            target = target != null ? target : created;
        }
        last = target;
        return target;
    }

    private Target<T> newTarget(String topic, Schema schema, Class<?> type) {
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: call configure() or pass a client");
        }
        var subject = AvroSerdeConfig.subject(topic, isKey);
        int id;
        try {
            id = autoRegister ? client.register(subject, schema) : client.lookup(subject, schema);
        }
        catch (SubjectSchemaNotRegisteredException ex) {
            throw new SchemaNotRegisteredException(subject, ex);
        }
        catch (SchemaRegistryException ex) {
            throw RegistryErrors.translate("cannot serialize " + schema.getFullName() + " for topic '" + topic + "'", ex);
        }
        // the class's own model, not getForSchema: that resolves the class by name, which Avro 1.12.2 refuses
        DatumWriter<T> writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
        return new Target<>(topic, schema, id, WireFormat.header(id), writer);
    }

    @Override
    public void close() {
        // the client holds no resources that outlive its caches
    }

    private record TopicSchema(String topic, Schema schema) {
    }

    private record Target<T>(String topic, Schema schema, int id, byte[] header, DatumWriter<T> writer) {
    }
}
