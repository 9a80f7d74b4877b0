package dk.amu.catalogue.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry could not be reached, or kept failing with 5xx, 408 or 429, through every retry.
 * Unlike the other serde errors this says nothing about the record: trying again later may work.
 */
public final class SchemaRegistryUnavailableException extends SerializationException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
