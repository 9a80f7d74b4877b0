package dk.amu.catalogue.serde;

import dk.amu.catalogue.serde.registry.SchemaRegistryException;
import dk.amu.catalogue.serde.registry.SchemaRegistryUnreachableException;
import org.apache.kafka.common.errors.SerializationException;

/** Turns registry failures the serde has no specific type for into Kafka's serialization errors. */
final class RegistryErrors {

    private RegistryErrors() {
    }

    static SerializationException translate(String context, SchemaRegistryException ex) {
        var message = context + ": " + ex.getMessage();
        if (ex instanceof SchemaRegistryUnreachableException || ex.httpStatus() >= 500 || ex.httpStatus() == 408
                || ex.httpStatus() == 429) {
            return new SchemaRegistryUnavailableException(message, ex);
        }
        return new SerializationException(message, ex);
    }
}
