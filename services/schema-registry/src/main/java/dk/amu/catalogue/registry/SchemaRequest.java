package dk.amu.catalogue.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of a register, lookup or compatibility request: {@code {"schema": "...", "schemaType": "AVRO"}}. */
record SchemaRequest(String schema) {

    static SchemaRequest from(JsonNode body) {
        AvroSchemas.requireAvro(RestRequest.text(body, "schemaType"));
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported by the embedded registry");
        }
        var schema = RestRequest.text(body, "schema");
        if (schema == null || schema.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        return new SchemaRequest(schema);
    }
}
