package dk.amu.catalogue.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subjects, versions, ids and compatibility levels as the topic says they are. Not thread-safe:
 * {@link SchemaStore} guards it.
 */
final class RegistryState {

    private static final Logger log = LoggerFactory.getLogger(RegistryState.class);

    private final Map<String, NavigableMap<Integer, SchemaRecord>> subjects = new TreeMap<>();

    private final Map<Integer, String> schemasById = new HashMap<>();

    private final Map<String, Integer> idsBySchema = new HashMap<>();

    private final Map<Integer, Schema> parsed = new ConcurrentHashMap<>();

    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();

    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;

    private int maxId;

    void apply(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaPut put) {
            var record = canonical(put.record());
            subjects.computeIfAbsent(record.subject(), s -> new TreeMap<>()).put(record.version(), record);
            schemasById.putIfAbsent(record.id(), record.schema());
            idsBySchema.putIfAbsent(record.schema(), record.id());
            maxId = Math.max(maxId, record.id());
        }
        else if (entry instanceof LogEntry.SchemaRemoved removed) {
            var versions = subjects.get(removed.subject());
            if (versions != null) {
                versions.remove(removed.version());
            }
        }
        else if (entry instanceof LogEntry.ConfigPut config) {
            if (config.subject() == null) {
                globalLevel = config.level();
            }
            else {
                subjectLevels.put(config.subject(), config.level());
            }
        }
        else if (entry instanceof LogEntry.ConfigRemoved removed) {
            if (removed.subject() == null) {
                globalLevel = CompatibilityLevel.DEFAULT;
            }
            else {
                subjectLevels.remove(removed.subject());
            }
        }
        else if (entry instanceof LogEntry.Ignored ignored) {
            log.debug("Skipped a schema registry record: {}", ignored.reason());
        }
    }

    /** Another writer of the topic may have stored the schema as it was sent; compare and serve it canonical. */
    private SchemaRecord canonical(SchemaRecord record) {
        try {
            var schema = AvroSchemas.parse(record.schema());
            parsed.putIfAbsent(record.id(), schema);
            return new SchemaRecord(record.subject(), record.version(), record.id(), AvroSchemas.canonical(schema), record.deleted());
        }
        catch (RegistryError ex) {
            log.warn("Schema {} of {} version {} in the topic is not valid Avro: {}", record.id(), record.subject(),
                    record.version(), ex.getMessage());
            return record;
        }
    }

    /** Subjects with at least one live (not deleted) version, in name order. */
    List<String> subjects() {
        return subjects.keySet().stream().filter(subject -> !liveVersions(subject).isEmpty()).toList();
    }

    /** The live versions of a subject, oldest first; empty when the subject is unknown. */
    List<SchemaRecord> liveVersions(String subject) {
        var versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(record -> !record.deleted()).toList();
    }

    Optional<String> schemaText(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idsBySchema.get(canonicalSchema));
    }

    Schema parsed(int id) {
        return parsed.computeIfAbsent(id, key -> AvroSchemas.parse(schemasById.get(key)));
    }

    /** Every live version that carries the id, across subjects. */
    List<SchemaRecord> versionsWithId(int id) {
        var found = new ArrayList<SchemaRecord>();
        subjects.keySet().forEach(subject -> liveVersions(subject).stream()
                .filter(record -> record.id() == id)
                .forEach(found::add));
        return found;
    }

    int nextId() {
        return maxId + 1;
    }

    /** Versions keep counting past deleted ones, as in Confluent. */
    int nextVersion(String subject) {
        var versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElse(globalLevel);
    }
}
