package dk.amu.catalogue.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Decides whether a new schema may follow the earlier versions of a subject, with Avro's own
 * reader/writer resolution rules, and explains a refusal in the shape Confluent Schema Registry uses.
 */
final class CompatibilityChecker {

    /** One earlier version of a subject. */
    record Earlier(int version, Schema schema) {
    }

    /**
     * @param earlier the subject's versions to check against, oldest first
     * @return the reasons the candidate is refused; empty when it is compatible
     */
    List<String> check(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        var against = level.transitive ? earlier : earlier.subList(earlier.size() - 1, earlier.size());
        // newest first, and stop at the first refusal, as Confluent does
        for (int i = against.size() - 1; i >= 0; i--) {
            var old = against.get(i);
            var messages = new ArrayList<String>();
            if (level.backward) {
                describe(candidate, old.schema(), "new", "old", messages);
            }
            if (level.forward) {
                describe(old.schema(), candidate, "old", "new", messages);
            }
            if (!messages.isEmpty()) {
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{validateFields: 'false', compatibility: '" + level + "'}");
                return messages;
            }
        }
        return List.of();
    }

    private static void describe(Schema reader, Schema writer, String readerName, String writerName, List<String> messages) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        for (var incompatibility : result.getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'"
                    + description(incompatibility, readerName, writerName) + "', additionalInfo:'"
                    + incompatibility.getMessage() + "'}");
        }
    }

    private static String description(Incompatibility incompatibility, String reader, String writer) {
        var path = incompatibility.getLocation();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + incompatibility.getMessage() + "' at path '" + path
                    + "' in the " + reader + " schema has no default value and is missing in the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + incompatibility.getMessage()
                    + "' at path '" + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '" + path
                    + "' in the " + writer + " schema";
            default -> "The " + reader + " schema cannot read data written with the " + writer + " schema at path '"
                    + path + "'";
        };
    }
}
