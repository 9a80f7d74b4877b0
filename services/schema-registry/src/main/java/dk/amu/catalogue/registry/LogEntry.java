package dk.amu.catalogue.registry;

/** A change read from or written to the registry's topic. */
sealed interface LogEntry {

    /** A version was registered (or marked deleted by another registry writing the same topic). */
    record SchemaPut(SchemaRecord record) implements LogEntry {
    }

    /** A tombstone: the version is gone for good. */
    record SchemaRemoved(String subject, int version) implements LogEntry {
    }

    /** A compatibility level; {@code subject} is null for the global level. */
    record ConfigPut(String subject, CompatibilityLevel level) implements LogEntry {
    }

    /** A compatibility level was removed; the subject falls back to the global level. */
    record ConfigRemoved(String subject) implements LogEntry {
    }

    /** A record this registry does not use (modes, no-ops, other schema types). */
    record Ignored(String reason) implements LogEntry {
    }
}
