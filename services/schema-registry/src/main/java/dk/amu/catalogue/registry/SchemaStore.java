package dk.amu.catalogue.registry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The registry's operations. Every change is written to the topic first and applied in memory only once
 * Kafka has it; one lock serialises the writers, so ids and versions are handed out exactly once.
 */
final class SchemaStore implements AutoCloseable {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private final RegistryState state = new RegistryState();

    private final CompatibilityChecker checker = new CompatibilityChecker();

    private final SchemaLog log;

    private SchemaStore(SchemaLog log) {
        this.log = log;
    }

    /** Opens the topic and rebuilds the state from it. */
    static SchemaStore open(RegistrySettings settings) {
        var log = SchemaLog.open(settings);
        var store = new SchemaStore(log);
        try {
            log.replay(store.state::apply);
        }
        catch (RuntimeException ex) {
            log.close();
            throw ex;
        }
        return store;
    }

    /** @return the id of the schema; an identical schema already in the subject keeps its id and version */
    int register(String subject, String schemaText) {
        var schema = AvroSchemas.parse(schemaText);
        var canonical = AvroSchemas.canonical(schema);
        return write(() -> {
            var live = state.liveVersions(subject);
            var same = live.stream().filter(record -> record.schema().equals(canonical)).findFirst();
            if (same.isPresent()) {
                return same.get().id();
            }
            var refusal = checker.check(state.effectiveLevel(subject), schema, earlier(live));
            if (!refusal.isEmpty()) {
                throw RegistryError.incompatible(subject, "[" + String.join(", ", refusal) + "]");
            }
            int id = state.idOf(canonical).orElse(state.nextId());
            var record = new SchemaRecord(subject, state.nextVersion(subject), id, canonical, false);
            log.append(LogRecords.schemaKey(subject, record.version()), LogRecords.schemaValue(record));
            state.apply(new LogEntry.SchemaPut(record));
            return id;
        });
    }

    SchemaRecord lookup(String subject, String schemaText) {
        var canonical = AvroSchemas.canonical(AvroSchemas.parse(schemaText));
        return read(() -> requireSubject(subject).stream()
                .filter(record -> record.schema().equals(canonical))
                .reduce((first, second) -> second)
                .orElseThrow(RegistryError::schemaNotFound));
    }

    String schemaById(int id) {
        return read(() -> state.schemaText(id).orElseThrow(() -> RegistryError.schemaNotFound(id)));
    }

    List<SchemaRecord> versionsWithId(int id) {
        return read(() -> {
            state.schemaText(id).orElseThrow(() -> RegistryError.schemaNotFound(id));
            return state.versionsWithId(id);
        });
    }

    List<String> subjects() {
        return read(state::subjects);
    }

    List<Integer> versions(String subject) {
        return read(() -> requireSubject(subject).stream().map(SchemaRecord::version).toList());
    }

    SchemaRecord version(String subject, VersionId version) {
        return read(() -> find(subject, version));
    }

    /**
     * @param version the one version to check against, or null for the versions the subject's level names
     * @return the reasons the schema is incompatible; empty when it is compatible
     */
    List<String> testCompatibility(String subject, VersionId version, String schemaText) {
        var schema = AvroSchemas.parse(schemaText);
        return read(() -> {
            var against = version == null ? state.liveVersions(subject) : List.of(find(subject, version));
            return checker.check(state.effectiveLevel(subject), schema, earlier(against));
        });
    }

    CompatibilityLevel globalLevel() {
        return read(state::globalLevel);
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> state.subjectLevel(subject));
    }

    CompatibilityLevel effectiveLevel(String subject) {
        return read(() -> state.effectiveLevel(subject));
    }

    /** @param subject null for the global level */
    void setLevel(String subject, CompatibilityLevel level) {
        write(() -> {
            log.append(LogRecords.configKey(subject), LogRecords.configValue(level));
            state.apply(new LogEntry.ConfigPut(subject, level));
            return level;
        });
    }

    /** @param subject null for the global level, which falls back to the default */
    Optional<CompatibilityLevel> removeLevel(String subject) {
        return write(() -> {
            var previous = subject == null ? Optional.of(state.globalLevel()) : state.subjectLevel(subject);
            if (previous.isPresent()) {
                log.append(LogRecords.configKey(subject), null);
                state.apply(new LogEntry.ConfigRemoved(subject));
            }
            return previous;
        });
    }

    @Override
    public void close() {
        log.close();
    }

    private List<SchemaRecord> requireSubject(String subject) {
        var live = state.liveVersions(subject);
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live;
    }

    private SchemaRecord find(String subject, VersionId version) {
        var live = requireSubject(subject);
        if (version.isLatest()) {
            return live.get(live.size() - 1);
        }
        return live.stream()
                .filter(record -> record.version() == version.number())
                .findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(version.number()));
    }

    private List<CompatibilityChecker.Earlier> earlier(List<SchemaRecord> records) {
        return records.stream().map(record -> new CompatibilityChecker.Earlier(record.version(), state.parsed(record.id()))).toList();
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        }
        finally {
            lock.writeLock().unlock();
        }
    }
}
