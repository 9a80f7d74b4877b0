package dk.amu.catalogue.registry;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The topic layout, read both ways, including records a Confluent registry writes and this one does not. */
class LogRecordsTests {

    @Test
    void shouldReadBackTheSchemaRecordsItWrites() {
        var record = new SchemaRecord("s-value", 2, 7, "\"string\"", false);

        var entry = LogRecords.decode(LogRecords.schemaKey("s-value", 2), LogRecords.schemaValue(record));

        assertThat(entry).isEqualTo(new LogEntry.SchemaPut(record));
    }

    @Test
    void shouldReadBackGlobalAndSubjectLevels() {
        assertThat(LogRecords.decode(LogRecords.configKey(null), LogRecords.configValue(CompatibilityLevel.FULL)))
                .isEqualTo(new LogEntry.ConfigPut(null, CompatibilityLevel.FULL));
        assertThat(LogRecords.decode(LogRecords.configKey("s-value"), LogRecords.configValue(CompatibilityLevel.NONE)))
                .isEqualTo(new LogEntry.ConfigPut("s-value", CompatibilityLevel.NONE));
        assertThat(LogRecords.decode(LogRecords.configKey("s-value"), null))
                .isEqualTo(new LogEntry.ConfigRemoved("s-value"));
    }

    @Test
    void shouldWriteTheSameKeyBytesForTheSameVersion() {
        assertThat(LogRecords.schemaKey("s-value", 1)).isEqualTo(LogRecords.schemaKey("s-value", 1));
        assertThat(text(LogRecords.configKey(null))).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    }

    @Test
    void shouldReadTombstonesAsRemovedVersions() {
        assertThat(LogRecords.decode(LogRecords.schemaKey("s-value", 3), null))
                .isEqualTo(new LogEntry.SchemaRemoved("s-value", 3));
    }

    @Test
    void shouldSkipRecordsItDoesNotServe() {
        assertThat(LogRecords.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isInstanceOf(LogEntry.Ignored.class);
        assertThat(LogRecords.decode(bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"), bytes("{\"mode\":\"READWRITE\"}")))
                .isInstanceOf(LogEntry.Ignored.class);
        assertThat(LogRecords.decode(LogRecords.schemaKey("p-value", 1),
                bytes("{\"subject\":\"p-value\",\"version\":1,\"id\":3,\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax\"}")))
                .isInstanceOf(LogEntry.Ignored.class);
        assertThat(LogRecords.decode(bytes("not json"), bytes("{}"))).isInstanceOf(LogEntry.Ignored.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
