package dk.amu.catalogue.registry;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON keys and values of the registry's topic, in Confluent Schema Registry's layout, so the topic
 * reads the same to people and tools that know that registry. Keys are written with a fixed field order:
 * compaction needs the same logical key to be the same bytes.
 */
final class LogRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogRecords() {
    }

    static byte[] schemaKey(String subject, int version) {
        var key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject).put("version", version);
        return bytes(key.put("magic", 1));
    }

    static byte[] schemaValue(SchemaRecord record) {
        var value = JSON.createObjectNode()
                .put("subject", record.subject())
                .put("version", record.version())
                .put("id", record.id())
                .put("schema", record.schema())
                .put("deleted", record.deleted());
        return bytes(value);
    }

    static byte[] configKey(String subject) {
        var key = JSON.createObjectNode().put("keytype", "CONFIG");
        key.put("subject", subject);
        return bytes(key.put("magic", 0));
    }

    static byte[] configValue(CompatibilityLevel level) {
        return bytes(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }

    static LogEntry decode(byte[] keyBytes, byte[] valueBytes) {
        try {
            return decodeJson(read(keyBytes), valueBytes == null ? null : read(valueBytes));
        }
        catch (UncheckedIOException ex) {
            return new LogEntry.Ignored("unreadable record: " + ex.getCause().getMessage());
        }
    }

    private static LogEntry decodeJson(JsonNode key, JsonNode value) {
        var subject = key.path("subject").isTextual() ? key.get("subject").asText() : null;
        return switch (key.path("keytype").asText()) {
            case "SCHEMA" -> schemaEntry(subject, key.path("version").asInt(), value);
            case "CONFIG" -> configEntry(subject, value);
            default -> new LogEntry.Ignored("key type " + key.path("keytype").asText());
        };
    }

    private static LogEntry schemaEntry(String subject, int version, JsonNode value) {
        if (subject == null || version <= 0) {
            return new LogEntry.Ignored("schema record without a subject and version");
        }
        if (value == null) {
            return new LogEntry.SchemaRemoved(subject, version);
        }
        var schemaType = value.path("schemaType").asText(AvroSchemas.AVRO);
        if (!AvroSchemas.AVRO.equals(schemaType) || value.path("references").size() > 0) {
            return new LogEntry.Ignored(schemaType + " schema " + subject + " version " + version);
        }
        int id = value.path("id").asInt();
        if (id <= 0 || !value.path("schema").isTextual()) {
            return new LogEntry.Ignored("schema record without an id and a schema: " + subject + " version " + version);
        }
        return new LogEntry.SchemaPut(new SchemaRecord(subject, version, id,
                value.path("schema").asText(), value.path("deleted").asBoolean(false)));
    }

    private static LogEntry configEntry(String subject, JsonNode value) {
        if (value == null) {
            return new LogEntry.ConfigRemoved(subject);
        }
        return CompatibilityLevel.parse(value.path("compatibilityLevel").asText(null))
                .<LogEntry>map(level -> new LogEntry.ConfigPut(subject, level))
                .orElseGet(() -> new LogEntry.Ignored("config without a known compatibility level"));
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("unreadable record in the schema registry topic", ex);
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
