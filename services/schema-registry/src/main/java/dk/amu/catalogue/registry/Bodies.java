package dk.amu.catalogue.registry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON bodies of the REST API, field for field as Confluent Schema Registry writes them. */
final class Bodies {

    private Bodies() {
    }

    record Id(int id) {
    }

    /** Confluent leaves {@code schemaType} out for Avro. */
    record SubjectSchema(String subject, int version, int id, String schema) {

        static SubjectSchema of(SchemaRecord record) {
            return new SubjectSchema(record.subject(), record.version(), record.id(), record.schema());
        }
    }

    record SchemaString(String schema) {
    }

    record SubjectVersion(String subject, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Compatibility(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {
    }

    record ConfigLevel(String compatibilityLevel) {
    }

    record ConfigUpdate(String compatibility) {
    }

    record Error(@JsonProperty("error_code") int errorCode, String message) {
    }

    /** A body that is JSON already, such as a schema served as itself. */
    record RawJson(String json) {
    }

    record Empty() {
    }
}
