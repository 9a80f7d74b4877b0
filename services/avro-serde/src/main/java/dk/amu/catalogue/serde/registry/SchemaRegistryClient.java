package dk.amu.catalogue.serde.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that a serializer and a deserializer need.
 * Implementations cache what the registry answers: schema ids never change meaning, so a warm
 * cache keeps serving while the registry is down.
 */
public interface SchemaRegistryClient {

    /**
     * Registers the schema under the subject (or finds it, if it is already there) and returns its id.
     *
     * @throws SchemaRegistryException when the registry rejects it, e.g. as incompatible (409)
     */
    int register(String subject, Schema schema);

    /**
     * Returns the id of a schema already registered under the subject, without registering it.
     *
     * @throws SubjectSchemaNotRegisteredException when the subject or the schema under it is unknown
     */
    int lookup(String subject, Schema schema);

    /**
     * Returns the schema with the given id, as it was registered.
     *
     * @throws SchemaIdNotFoundException when the registry knows no schema with that id
     */
    Schema schemaById(int id);

    /** The registry's base URL, for messages. */
    String baseUrl();

    /** A caching client for the registry at the URL, with the default retry and timeouts. */
    static SchemaRegistryClient forUrl(String baseUrl) {
        return new CachingSchemaRegistryClient(baseUrl, RegistryClientOptions.defaults());
    }

    static SchemaRegistryClient forUrl(String baseUrl, RegistryClientOptions options) {
        return new CachingSchemaRegistryClient(baseUrl, options);
    }
}
