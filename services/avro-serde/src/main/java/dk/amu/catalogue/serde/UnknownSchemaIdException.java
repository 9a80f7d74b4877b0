package dk.amu.catalogue.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The record names a schema id the registry does not know (40403), e.g. written against another registry. */
public final class UnknownSchemaIdException extends SerializationException {

    private final String topic;

    private final int schemaId;

    public UnknownSchemaIdException(String topic, int schemaId, String registryUrl, Throwable cause) {
        super("record on topic '" + topic + "' was written with schema id " + schemaId
                + ", which the schema registry at " + registryUrl + " does not know", cause);
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public String topic() {
        return topic;
    }

    public int schemaId() {
        return schemaId;
    }
}
