package dk.amu.catalogue.serde;

import org.apache.kafka.common.errors.SerializationException;

/** The serializer may not register schemas and the record's schema is not registered under its subject. */
public final class SchemaNotRegisteredException extends SerializationException {

    private final String subject;

    public SchemaNotRegisteredException(String subject, Throwable cause) {
        super("schema for subject '" + subject + "' is not registered; register it or set "
                + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=true", cause);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
