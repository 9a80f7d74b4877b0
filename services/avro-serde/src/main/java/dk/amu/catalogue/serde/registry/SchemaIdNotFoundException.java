package dk.amu.catalogue.serde.registry;

/** The registry knows no schema with this id (40403): the record was written against another registry. */
public final class SchemaIdNotFoundException extends SchemaRegistryException {

    private final int schemaId;

    public SchemaIdNotFoundException(int schemaId, String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode);
        this.schemaId = schemaId;
    }

    public int schemaId() {
        return schemaId;
    }
}
