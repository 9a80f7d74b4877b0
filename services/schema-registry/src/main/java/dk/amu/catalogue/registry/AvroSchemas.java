package dk.amu.catalogue.registry;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses schema text the way the registry compares it. Two registrations are the same schema when their
 * {@link Schema#toString()} forms are equal: whitespace and key order do not matter, but {@code doc},
 * defaults and aliases do, as in Confluent Schema Registry without normalisation.
 */
final class AvroSchemas {

    static final String AVRO = "AVRO";

    private AvroSchemas() {
    }

    /** Only Avro is served; Confluent answers an unknown or unloaded schema type with 42201 too. */
    static void requireAvro(String schemaType) {
        if (schemaType != null && !AVRO.equals(schemaType)) {
            throw RegistryError.invalidSchemaType(schemaType);
        }
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        }
        catch (AvroRuntimeException | IllegalArgumentException ex) {
            throw RegistryError.invalidSchema(ex.getMessage());
        }
    }

    /** The form a schema is stored, compared and served in. */
    static String canonical(Schema schema) {
        return schema.toString();
    }
}
