package dk.amu.catalogue.audit.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.amu.catalogue.events.v1.CatalogueEvent;
import dk.amu.catalogue.serde.AvroDeserializer;
import dk.amu.catalogue.serde.SchemaRegistryUnavailableException;
import dk.amu.catalogue.serde.WireFormat;
import dk.amu.catalogue.serde.registry.SchemaRegistryClient;
import dk.amu.catalogue.snapshots.v1.CatalogueSnapshot;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes the catalogue's records through the registry: the writer schema by the id in each
 * record, read into the generated classes. The deserializers cache a reader per schema id and
 * reuse their binary decoder, so a replay decodes at the speed of plain Avro.
 */
public final class EventDecoder {

    private final SchemaRegistryClient registry;

    private final AvroDeserializer<CatalogueEvent> events;

    private final AvroDeserializer<CatalogueSnapshot> snapshots;

    private final Map<Integer, Boolean> current = new ConcurrentHashMap<>();

    public EventDecoder(SchemaRegistryClient registry) {
        this.registry = registry;
        this.events = new AvroDeserializer<>(registry, CatalogueEvent.class);
        this.snapshots = new AvroDeserializer<>(registry, CatalogueSnapshot.class);
    }

    /**
     * @throws UndecodableRecordException          when the record is not a catalogue event the registry can name
     * @throws SchemaRegistryUnavailableException  when the registry cannot be asked: nothing is known of the record then
     */
    public CatalogueEvent event(RawRecord record) {
        if (record.value() == null) {
            throw new UndecodableRecordException(record, "it has no value", null);
        }
        try {
            return events.deserialize(record.topic(), record.value());
        }
        catch (SchemaRegistryUnavailableException ex) {
            throw ex;
        }
        catch (SerializationException | IllegalArgumentException ex) {
            throw new UndecodableRecordException(record, ex.getMessage(), ex);
        }
    }

    /** The latest snapshot of an FKB, or null for a compaction tombstone. */
    public CatalogueSnapshot snapshot(RawRecord record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return snapshots.deserialize(record.topic(), record.value());
        }
        catch (SchemaRegistryUnavailableException ex) {
            throw ex;
        }
        catch (SerializationException | IllegalArgumentException ex) {
            throw new UndecodableRecordException(record, ex.getMessage(), ex);
        }
    }

    /** The schema a record that {@link #event} decoded was written with. */
    public Schema writerSchema(RawRecord record) {
        return registry.schemaById(WireFormat.schemaId(record.value()));
    }

    /**
     * Whether the record was written with the schema this code reads into, so that the decoded event
     * is the record as written. Cached per id: comparing schemas is a deep walk.
     */
    public boolean writtenWithCurrentSchema(RawRecord record) {
        return current.computeIfAbsent(WireFormat.schemaId(record.value()),
                id -> registry.schemaById(id).equals(CatalogueEvent.getClassSchema()));
    }
}
